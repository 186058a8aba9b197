//! Generates a large, valid plan for benchmarks.
//!
//! cargo run --release --example gen-plan -- OUT [--services N] [--runbooks N] [--contacts N]
//!
//! Defaults give the benchmark plan of the check issue: 5,000 services, 10,000
//! runbooks (about 400 words each, with steps, a checklist, a table and links),
//! 10,000 contacts, and processes, risks, vendors, exercises and comms around them:
//! about 36,000 items in 16,000 files. Output is the same for the same arguments.

use std::fmt::Write as _;
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "confirm",
    "the",
    "primary",
    "database",
    "replica",
    "is",
    "healthy",
    "before",
    "you",
    "switch",
    "traffic",
    "check",
    "monitoring",
    "dashboard",
    "and",
    "record",
    "each",
    "step",
    "in",
    "bridge",
    "log",
    "restore",
    "service",
    "from",
    "latest",
    "clean",
    "backup",
    "notify",
    "incident",
    "lead",
    "when",
    "complete",
    "verify",
    "application",
    "responds",
    "to",
    "test",
    "requests",
    "escalate",
    "vendor",
    "if",
    "not",
    "within",
    "agreed",
    "time",
    "keep",
    "users",
    "informed",
    "about",
    "progress",
];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s
}

fn write(out: &Path, rel: &str, text: &str) {
    let path = out.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: gen-plan OUT [--services N] [--runbooks N] [--contacts N]");
        std::process::exit(2);
    };
    let opt = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (services, runbooks, contacts) = (
        opt("--services", 5_000),
        opt("--runbooks", 10_000),
        opt("--contacts", 10_000),
    );
    let out = Path::new(out);
    let _ = std::fs::remove_dir_all(out);
    let mut rng = Rng(42);
    let contact = |i: usize| format!("person-{}", i % contacts.max(1));

    write(
        out,
        "plan.toml",
        "[plan]\ntitle = \"Generated plan\"\norganization = \"Benchmark Org\"\nversion = \"1\"\nowner = \"person-0\"\n\
         last_reviewed = 2026-10-01\nreview_every = \"180d\"\n\n[policy]\nexercise_every = \"365d\"\n\
         vendor_contract_warning = \"90d\"\n\n[hotline]\nlabel = \"Bridge\"\nphone = \"+44 20 7946 0000\"\n\n\
         [[severity]]\nlevel = \"SEV1\"\ntitle = \"Critical\"\nnotify = [\"group-0\"]\ncall_tree = \"tree-0\"\n\n\
         [[card]]\nid = \"staff-card\"\ntitle = \"Card\"\ncontacts = [\"person-0\", \"team-0\"]\nqr = \"hotline\"\n",
    );

    // Contacts: 100 per file.
    for file in 0..contacts.div_ceil(100) {
        let mut t = String::new();
        for i in file * 100..((file + 1) * 100).min(contacts) {
            let _ = write!(
                t,
                "[[contact]]\nid = \"person-{i}\"\nname = \"Person {i}\"\nrole = \"Engineer\"\nteam = \"team-{}\"\n\
                 phone = \"+44 7700 9{:05}\"\nemail = \"p{i}@example.org\"\nverified = 2026-10-01\nalternates = [\"{}\"]\n\n",
                i % 500,
                i % 100_000,
                contact(i + 1)
            );
        }
        write(out, &format!("contacts/people-{file:03}.toml"), &t);
    }
    let mut t = String::new();
    for i in 0..500 {
        let _ = write!(
            t,
            "[[team]]\nid = \"team-{i}\"\nname = \"Team {i}\"\nlead = \"{}\"\nmembers = [\"{}\", \"{}\"]\nphone = \"+44 20 7946 {:04}\"\n\n",
            contact(i),
            contact(i + 500),
            contact(i + 1000),
            i
        );
    }
    write(out, "contacts/teams.toml", &t);
    let mut t = String::new();
    for i in 0..100 {
        let base = i * 10;
        let _ = write!(
            t,
            "[[call_tree]]\nid = \"tree-{i}\"\ntitle = \"Tree {i}\"\nroot = \"{}\"\n[call_tree.calls]\n",
            contact(base)
        );
        let _ = writeln!(
            t,
            "\"{}\" = [\"{}\", \"{}\", \"{}\"]",
            contact(base),
            contact(base + 1),
            contact(base + 2),
            contact(base + 3)
        );
        let _ = writeln!(
            t,
            "\"{}\" = [\"{}\", \"{}\"]\n",
            contact(base + 1),
            contact(base + 4),
            contact(base + 5)
        );
    }
    write(out, "contacts/call-trees.toml", &t);

    // Vendors: 100 per file.
    for file in 0..5 {
        let mut t = String::new();
        for i in file * 100..(file + 1) * 100 {
            let _ = write!(
                t,
                "[[vendor]]\nid = \"vendor-{i}\"\nname = \"Vendor {i}\"\nsupport_phone = \"+44 20 7946 5{:03}\"\n\
                 contract_ends = 2028-01-31\nrestore_within = \"2h\"\n[[vendor.contact]]\nname = \"Rep {i}\"\nphone = \"+44 7700 8{:05}\"\n\n",
                i, i
            );
        }
        write(out, &format!("vendors/vendors-{file}.toml"), &t);
    }

    // Services: one Markdown file each; dependencies only on earlier services (a DAG).
    for i in 0..services {
        let deps: Vec<String> = (0..rng.below(4).min(i))
            .map(|_| format!("\"service-{}\"", rng.below(i)))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let tier = 1 + i % 3;
        // Later services depend on earlier ones, so their RTO is never shorter.
        let rto = 4 + i / 10;
        let text = format!(
            "+++\nname = \"Service {i}\"\ntier = {tier}\nowner = \"{}\"\nteam = \"team-{}\"\nrto = \"{}h\"\nrpo = \"1h\"\n\
             mtpd = \"30d\"\nwrt = \"2h\"\ndepends_on = [{}]\nvendors = [\"vendor-{}\"]\nstrategies = [\"backup-restore\"]\n+++\n{}\n",
            contact(i),
            i % 500,
            rto,
            deps.join(", "),
            i % 500,
            words(&mut rng, 60)
        );
        write(out, &format!("services/service-{i}.md"), &text);
    }

    // Runbooks: one Markdown file each, about 400 words.
    for i in 0..runbooks {
        let mut body = String::from("## Before you start\n\n");
        for step in 1..=6 {
            let _ = writeln!(
                body,
                "{step}. {} [[{}]].",
                words(&mut rng, 18),
                contact(i + step)
            );
        }
        body.push_str("\n## Checklist\n\n");
        for _ in 0..6 {
            let _ = writeln!(body, "- [ ] {}", words(&mut rng, 10));
        }
        body.push_str("\n> [!WARNING]\n> ");
        body.push_str(&words(&mut rng, 25));
        body.push_str("\n\n| Check | Expected | Who |\n| --- | --- | --- |\n");
        for _ in 0..4 {
            let _ = writeln!(
                body,
                "| {} | {} | [[{}]] |",
                words(&mut rng, 3),
                words(&mut rng, 4),
                contact(rng.below(contacts))
            );
        }
        let _ = write!(
            body,
            "\n## After\n\n{}\nSee [[service-0]].\n",
            words(&mut rng, 120)
        );
        let body = body.replace(
            "[[service-0]]",
            &format!("[[service-{}]]", i % services.max(1)),
        );
        let text = format!(
            "+++\ntitle = \"Runbook {i}\"\nservices = [\"service-{}\"]\nowner = \"{}\"\nkind = \"recovery\"\n\
             scenarios = [\"site-loss\"]\nestimated = \"1h\"\nlast_tested = 2026-06-01\nreviewed = 2026-09-01\n+++\n{body}",
            i % services.max(1),
            contact(i)
        );
        write(out, &format!("runbooks/runbook-{i}.md"), &text);
    }

    // Processes: 800 in Markdown, the rest in TOML files of 100.
    let processes = 3_000;
    for i in 0..processes {
        let item = format!(
            "name = \"Process {i}\"\nowner = \"{}\"\nservices = [\"service-{}\", \"service-{}\"]\nrto = \"30d\"\nrpo = \"1d\"\nmtpd = \"60d\"\n",
            contact(i),
            i % services.max(1),
            (i * 7) % services.max(1)
        );
        if i < 800 {
            write(
                out,
                &format!("processes/process-{i}.md"),
                &format!(
                    "+++\n{item}[[impact]]\nafter = \"1d\"\nsafety = 2\n+++\n{}\n",
                    words(&mut rng, 40)
                ),
            );
        }
    }
    for file in 0..(processes - 800).div_ceil(100) {
        let mut t = String::new();
        for i in 800 + file * 100..(800 + (file + 1) * 100).min(processes) {
            let _ = write!(
                t,
                "[[process]]\nid = \"process-{i}\"\nname = \"Process {i}\"\nowner = \"{}\"\nservices = [\"service-{}\"]\nrto = \"30d\"\n\n",
                contact(i),
                i % services.max(1)
            );
        }
        write(out, &format!("processes/processes-{file:02}.toml"), &t);
    }

    // Risks, exercises, comms.
    for file in 0..30 {
        let mut t = String::new();
        for i in file * 100..(file + 1) * 100 {
            let _ = write!(
                t,
                "[[risk]]\nid = \"risk-{i}\"\ntitle = \"Risk {i}\"\nlikelihood = {}\nimpact = {}\nservices = [\"service-{}\"]\nowner = \"{}\"\ntreatment = \"reduce\"\nmitigations = [\"{}\"]\n\n",
                1 + i % 5,
                1 + (i / 5) % 5,
                i % services.max(1),
                contact(i),
                words(&mut rng, 6)
            );
        }
        write(out, &format!("risks/risks-{file:02}.toml"), &t);
    }
    for file in 0..25 {
        let mut t = String::new();
        for i in file * 100..(file + 1) * 100 {
            let _ = write!(
                t,
                "[[exercise]]\nid = \"exercise-{i}\"\ntitle = \"Exercise {i}\"\nkind = \"tabletop\"\ndate = 2026-0{}-15\nstatus = \"done\"\nrunbooks = [\"runbook-{}\", \"runbook-{}\", \"runbook-{}\", \"runbook-{}\"]\nparticipants = [\"{}\"]\nfacilitator = \"{}\"\noutcome = \"pass\"\n[[exercise.finding]]\ntitle = \"Finding {i}\"\nseverity = \"low\"\ndue = 2027-01-31\n\n",
                1 + i % 9,
                (i * 4) % runbooks.max(1),
                (i * 4 + 1) % runbooks.max(1),
                (i * 4 + 2) % runbooks.max(1),
                (i * 4 + 3) % runbooks.max(1),
                contact(i),
                contact(i + 1)
            );
        }
        write(out, &format!("exercises/exercises-{file:02}.toml"), &t);
    }
    let mut t = String::new();
    for i in 0..100 {
        let _ = write!(
            t,
            "[[stakeholder]]\nid = \"group-{i}\"\nname = \"Group {i}\"\ncontacts = [\"team-{i}\"]\nchannel = \"email\"\nnotify_within = \"30m\"\n\n"
        );
    }
    write(out, "comms/stakeholders.toml", &t);
    for file in 0..10 {
        let mut t = String::new();
        for i in file * 100..(file + 1) * 100 {
            let _ = write!(
                t,
                "[[template]]\nid = \"template-{i}\"\ntitle = \"Template {i}\"\naudience = [\"group-{}\"]\nchannel = \"email\"\nseverity = [\"SEV1\"]\nbody = \"{{{{service}}}} is down since {{{{start_time}}}}. {}\"\n\n",
                i % 100,
                words(&mut rng, 30)
            );
        }
        write(out, &format!("comms/templates-{file}.toml"), &t);
    }
    eprintln!(
        "wrote a plan with {services} services, {runbooks} runbooks and {contacts} contacts to {}",
        out.display()
    );
}
