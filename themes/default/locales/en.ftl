# lifeboat: the interface in English (the reference catalogue: every message exists
# here; other languages translate these ids). `lifeboat locale export LANG` prints a
# catalogue to start a translation from; a plan's locales/LANG.ftl overrides these.

## Dates: English keeps the unambiguous ISO form.
date = { $year }-{ $mm }-{ $dd }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Every page
skip-to-content = Skip to the content
private-banner = This copy contains private personal data (built with --include-private). Keep it safe; do not share it.
edition = version { $version }, built { $built }
hotline = Hotline
search-placeholder = Search: names, numbers, runbooks ( / )
search-label = Search the plan
search-results = Search results
menu = Menu
banner-old-copy = This copy was built on { $built } and is older than the plan's review period ({ $period }). Get a newer copy if you can, and confirm numbers before relying on them.
banner-review-due = This plan was due for review on { $due }. Details may be out of date: confirm numbers before relying on them.
banner-overdue = This plan was due for review on { $due } (last reviewed { $last }). Details may be out of date: confirm numbers before relying on them.
nav-sections = Sections
nav-start = Start
nav-runbooks = Runbooks
nav-contacts = Contacts
nav-recovery = Recovery order
nav-services = Services
nav-vendors = Vendors
nav-log = Incident log
nav-comms = Comms
nav-impact = Impact
nav-risks = Risks
nav-exercises = Exercises
nav-health = Health
nav-cards = Cards
nav-print = Print
footer-version = version { $version }
footer-built = built { $built } by { $generator }
call-the-hotline = Call the { $label }: { $number }
call-the-hotline-default = Call the hotline: { $number }
page-title = { $title } · { $organization }

## Page titles (the print binder's parts too)
title-start = What to do now
title-services = Services
title-recovery = Recovery order
title-impact = Business impact analysis
title-risks = Risks
title-runbooks = Runbooks
title-contacts = Contacts
title-vendors = Vendors
title-comms = Communications
title-exercises = Exercises
title-health = Plan health
title-log = Incident log
title-cards-a4 = Wallet cards (A4)
title-cards-letter = Wallet cards (US Letter)
title-call-tree = Call tree: { $name }

## Words used on many pages
none-yet = None in the plan yet.
no-services = The plan has no services.
none-recorded = None recorded.
owner = Owner
team = Team
phone = Phone
mobile = Mobile
# Which number a call tree lists beside each number ("+44 20 7946 0001 mobile").
number-phone = phone
number-mobile = mobile
number-team = team
email = Email
location = Location
services = Services
runbooks = Runbooks
vendors = Vendors
risks = Risks
service = Service
runbook = Runbook
tier = Tier
rto = RTO
rpo = RPO
mtpd = MTPD
wrt = WRT
kind = Kind
status = Status
outcome = Outcome
channel = Channel
audience = Audience
severity = Severity
date-heading = Date
lead = Lead
members = Members
never = never
yes = yes
no = no
about-duration = about { $duration }
# What ends a label that a value follows on the same line ("Cyberattack: ..."); French
# sets a no-break space before it.
colon = :

## The start page
hotline-call = 1. Call the { $label }
hotline-call-default = 1. Call the hotline
if-busy = If busy:
# The hotline's email address after its label ("Email:"): `email` as the language
# or the plan's catalogue words it.
hotline-email = { email }:
say-what = Say what you see, where, and since when.
start-response = Start the response
start-response-numbered = 2. Start the response
about-duration-paren = (about { $duration })
severity-levels = Severity levels
respond-within = Respond within { $time }
update-every = Update every { $time }
severity-call-tree = Call tree: { $tree }
notify = Notify: { $who }
messages = Messages: { $which }
then = Then
then-decide = { $strong } with the levels above: they say how fast to respond, whom to notify and which call tree to start.
then-decide-strong = Decide the severity
then-start = { $strong } of that severity, and report back as it says.
then-start-strong = Start the call tree
then-restore = Restore in the { $order }
then-restore-rest = , using each service's { $runbooks }.
then-restore-order = recovery order
then-restore-runbooks = runbooks
then-note = { $strong } as you go in the { $log }.
then-note-strong = Note decisions
then-note-log = incident log
runbooks-by-scenario = Runbooks by scenario
call-trees = Call trees
reports-back = Everyone reports back to { $who }.
call-tree-sheet-link = The call tree on one sheet
call-tree-sheet-rest = : numbers, alternates and what to do when someone does not answer.
tier-1-services = Tier 1 services
plan-owner = Plan owner: { $who }.
last-reviewed-on = Last reviewed { $date }.
plan-health-warnings = Plan health: { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}

## Services
services-intro = By tier, most critical first. Restore them in the { $order }.
tier-title = Tier { $tier }
tier-title-label = Tier { $tier }: { $label }
no-tier = No tier
recovery-label = Recovery
recovery-wave = wave { $n }
needs-first = Needs first (upstream)
needs-nothing = Nothing: this service can be restored first.
needed-by = Needed by (downstream)
needed-by-nothing = No other service depends on it.
account-of = account { $account }
processes-need-it = Business processes that need it
strategies = Strategies

## Recovery order
recovery-intro = Restore the services wave by wave: everything a service needs comes in an earlier wave. Within a wave, the most critical first; services of one wave can be restored side by side.
wave = Wave { $n }
needs = Needs
cannot-order = Cannot be ordered
cannot-order-text = These services are on or behind a dependency loop: { $services }.

## Business impact
impact-intro = The business processes, how long each can stop, and the services each needs. Peak impact is the highest rating (0-5) the process reaches in its impact table.
process = Process
peak-impact = Peak impact
workaround = Workaround while services are down
services-it-needs = Services it needs
impact-over-time = Impact over time
impact-after = After
impact-financial = Financial
impact-operational = Operational
impact-reputational = Reputational
impact-legal = Legal
impact-safety = Safety
impact-ratings = Ratings: 0 none to 5 severe.
impact-chart-label = Impact ratings from 0 to 5 over the time of an outage

## Risks
heat-map = Heat map
inherent-caption = Inherent: before mitigations
residual-caption = Residual: after mitigations
inherent-risk = Inherent risk
residual-risk = Residual risk
risk-legend = Score = likelihood × impact.
register = Register
register-intro = Highest inherent score first.
risk = Risk
score = Score
residual = Residual
treatment = Treatment
threat = Threat:
vulnerability = Vulnerability:
mitigations = Mitigations:
reviewed-on = Reviewed { $date }
likelihood-impact = L{ $likelihood } × I{ $impact }
heat-likelihood = Likelihood
heat-impact = Impact

## Runbooks
by-scenario = By scenario
every-runbook = Every runbook
takes = Takes
last-tested = Last tested
takes-about = Takes about { $duration }.
owner-is = Owner: { $who }.
clear-ticks = Clear ticks
about-this-runbook = About this runbook
scenarios = Scenarios
takes-about-label = Takes about
reviewed = Reviewed
exercised-in = Exercised in
on-this-page = On this page
link-to-section = Link to this section
done = Done
alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
alert-caution = Caution

## Contacts
people = People
name-and-number = Name and number
role = Role
teams = Teams
team-and-number = Team and number
add-to-phone = Add to phone
vcard = (vCard)
vcard-private = (vCard, with private details)
if-unreachable = If unreachable
details-confirmed = Details confirmed
private-details = Private details
home = Home
personal-mobile = Personal mobile
personal-email = Personal email
home-address = Home address
in-call-trees = In call trees
starts-it = starts it.
called-by-who = called by { $who }.
calls-in-order = Calls, in order: { $who }.
reports-back-to = Reports back to { $who }.

## Call trees
started-by = Started by { $who }
for-severities = for { $levels }
people-count = { $n ->
    [one] { $n } person.
   *[other] { $n } people.
}
call-rule-1 = Call the people listed under your name, in order.
call-rule-1-rest = Say what happened, what they must do, and whom to report to.
call-rule-2 = No answer?
call-rule-2-rest = Leave a short message, then call their alternate (named below). If the alternate does not answer either, go on down your list and call the people they would have called.
call-rule-3 = Report back
call-rule-3-to = to { $who }
call-rule-3-rest = : whom you reached, whom you did not.
person = Person
numbers = Numbers
calls-in-order-heading = Calls, in order
if-no-answer = If no answer, call
called-by = called by { $who }
no-number = no number
cards-of-tree = Everyone in this tree has a personal wallet card: { $a4 } (A4) or { $letter }.
print-the-cards = print the cards
on-us-letter = on US Letter

## Vendors
vendor-and-line = Vendor and support line
supplies = Supplies
account = Account
contract-ends = Contract ends
support-line = Support line
our-account = Our account
support-email = Support email
support-site = Support site
sla = SLA
restores-within = Restores within
soon-or-past = (soon or past)
has-dr-plan = Has a DR plan
last-assessed = Last assessed
people-at = People at { $vendor }
services-it-supplies = Services it supplies

## Communications
templates = Templates
template = Template
stakeholder-groups = Stakeholder groups: who is told, how and when
group = Group
notify-within = Notify within
who-sends = Who sends
notified-at = Notified at
fill-in = Fill in
fill-in-intro = Type each value once: every place in the message takes it. Nothing leaves this page.
copy-message = Copy the message
who-sends-to-group = Who sends to this group
templates-for-group = Templates for this group

## Exercises
exercises-intro = Tests and exercises of the plan, newest first.
exercise = Exercise
open-findings = Open findings
facilitator = Facilitator
participants = Participants
findings = Findings
finding = Finding
# The calendar of exercises (exercises.ics): its name, and each event's description,
# a line a field ("Kind: tabletop") or finding.
calendar-name = { $plan }: exercises
calendar-field = { $label }: { $value }
calendar-finding-open = Finding (open): { $title }
calendar-finding-done = Finding (done): { $title }
action = Action
due = Due
overdue = (overdue)

## Plan health
warnings-from-check = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
} from { $check }:
warning = Warning
about = About
where = Where
no-warnings = No warnings: { $check } found nothing to fix.

## Wallet cards
cards-title = Wallet cards ({ $paper })
cards-intro = { $n ->
    [one] { $n } card
   *[other] { $n } cards
}, { $per } a sheet, each 85.60 x 53.98 mm (CR80), fronts on one sheet and their backs on the next. Print from this page at { $how }; check the 50 mm ruler on the sheet, then cut along the marks.
cards-how = 100 % (actual size), margins none, both sides, flip on long edge
cards-other = The same cards on { $paper }
paper-a4 = A4
paper-letter = US Letter
the-cards = The cards
sheet-fronts-label = Sheet { $n }, fronts
sheet-backs-label = Sheet { $n }, backs
sheet-fronts = Sheet { $n }: fronts. Print at 100 % (actual size), margins none, both sides.
sheet-backs = Sheet { $n }: backs. Print on the reverse of sheet { $front } (both sides, flip on long edge).
card-plan-version = Plan { $version }
card-scan = Scan: { $what }
card-more-numbers = More numbers
card-for = For: { $who }
card-called-by = Called by
card-you-start = You start this call tree
card-you-call = You call, in order
card-you-call-more = You call, continued
card-report-back = Report back to
card-everyone-reports = Everyone reports back to you
card-when-called = When you are called: confirm you have the message, do what it asks, and report back.
card-when-called-to = When you are called: confirm you have the message, do what it asks, and report back to { $who }.
card-no-answer-alternate = No answer? Call their alternate
card-alternates-more = Alternates, continued
card-no-answer = No answer?
card-no-answer-text = Leave a message, go on down your list, and say who did not answer when you report back.
qr-plan-site = Plan site
qr-web-address = Web address
qr-support = Support

## Incident log
log-intro = Note each decision and action as it happens, with its time: the record auditors and the review after the incident ask for.
log-what = What was decided or done
log-by-optional = By (optional)
log-add = Add to the log
log-one-tap = One tap
log-incident-declared = Incident declared
log-severity-set = Severity set to { $level }
log-severity = Severity: { $level }
log-tree-started = Call tree started: { $tree }
log-update-sent-entry = Update sent to stakeholders
log-update-sent = Update sent
log-service-restored = Service restored
log-all-clear-entry = All clear given
log-all-clear = All clear
log-runbook-started = Runbook started
log-entries = Entries
log-nothing-yet = Nothing noted yet.
log-copy-text = Copy as text
log-copy-markdown = Copy as Markdown
log-download = Download (Markdown)
log-new = Start a new log
log-out = The log, to paste into the ticket
log-kept-here = Kept in this browser only, on this device; nothing is sent anywhere.
log-on-paper = On paper
log-paper-intro = Without this page's script (or when printing), use this table.
log-time = Time
log-decision = Decision or action
log-by = By

## Related items on an item's page: "{ how } { kinds }"
related = { $how } { $kinds }
rel-qr = On the QR code of
rel-owner = Owner of
rel-lead = Lead of
rel-members = Member of
rel-team = Team of
rel-alternates = Stands in for
rel-participants = Took part in
rel-facilitator = Facilitated
rel-contacts = Listed in
rel-depends-on = Needed by
rel-vendors = Supplier of
rel-services = Needed by
rel-runbooks = Exercised in
rel-audience = Addressed by
rel-in = In
rel-body = Mentioned in
rel-other = Referred to by
rel-exercise-owner = Owner of findings of exercises
kinds-contact = contacts
kinds-team = teams
kinds-call-tree = call trees
kinds-vendor = vendors
kinds-risk = risks
kinds-service = services
kinds-process = processes
kinds-runbook = runbooks
kinds-template = communication templates
kinds-stakeholder = stakeholder groups
kinds-exercise = exercises
kinds-card = wallet cards

## Search: what each result is, and the pages it finds
kind-page = Page
kind-contact = Contact
kind-team = Team
kind-call-tree = Call tree
kind-vendor = Vendor
kind-risk = Risk
kind-service = Service
kind-process = Process
kind-runbook = Runbook
kind-template = Template
kind-stakeholder = Stakeholders
kind-exercise = Exercise
search-page-cards = Wallet cards
search-page-print = The whole plan, printable
search-page-risks = Risk register

## The print binder
binder-title = The whole plan
binder-plan-version = Plan version
binder-last-reviewed = Last reviewed
binder-next-review = Next review
binder-printed-from = Printed from the build of
binder-contents = Contents
binder-page-footer = Plan version { $version }
binder-page = Page
binder-of = of
part-call-trees = Call trees
part-services = Services by tier
part-log = Incident log (paper)

## The theme's scripts
js-today = (today)
js-in-days = { $n ->
    [one] (in { $n } day)
   *[other] (in { $n } days)
}
js-days-ago = { $n ->
    [one] ({ $n } day ago)
   *[other] ({ $n } days ago)
}
js-offline-copy = Offline copy kept on this device: version { $version }
js-offline-copy-built = Offline copy kept on this device: version { $version }, built { $built }
js-search-unavailable = The search index could not be loaded.
js-search-loading = Loading the search index…
js-search-nothing = Nothing found for “{ $query }”.
js-minutes = { $n } min
js-hours-minutes = { $h } h { $m } min
js-runbook-started = Runbook started: { $title }
js-tick-each-step = Tick each step as you do it.
js-tick-each-step-about = Tick each step as you do it (about { $time }).
js-started-ago = Started { $time }: { $took } ago
js-estimated = (estimated { $time })
js-steps-done = { $done } of { $total } steps done.
js-step-done = Done: { $step }
js-step = step
js-log-title = Incident log: { $plan } (plan version { $version })
js-sms-count = { $chars } characters ({ $encoding }), { $n ->
    [one] { $n } SMS
   *[other] { $n } SMS segments
}
js-copied = Copied.
js-copy-by-hand = Select the text and copy it.

## Charts
heat-map-label = { $title }: { $n ->
    [one] { $n } risk by likelihood and impact
   *[other] { $n } risks by likelihood and impact
}
heat-axis-likelihood = Likelihood →
heat-axis-impact = Impact →
impact-axis-time = Time since the outage began →
card-alternate-for = { $alternate } for { $who }
qr-save-hotline = save hotline
sheet-cut = Cut along the marks: each card is 85.60 x 53.98 mm.
sheet-ruler = This ruler must measure 50 mm

## Search: more words that find the site's own pages (besides their titles)
search-words-title-start = hotline severity first steps
search-words-title-recovery = restore waves dependencies
search-words-title-log = decisions actions record timeline
search-words-title-health = warnings checks
search-words-search-page-cards = print card qr
search-words-search-page-print = print binder pdf
search-words-search-page-risks = heat map risks
search-words-title-impact = bia processes impact
search-words-title-comms = templates stakeholders messages
search-words-title-exercises = tests tabletop schedule

## The default risk scales (a plan without [risk_matrix])
risk-likelihood-1 = Rare
risk-likelihood-2 = Unlikely
risk-likelihood-3 = Possible
risk-likelihood-4 = Likely
risk-likelihood-5 = Almost certain
risk-impact-1 = Minimal
risk-impact-2 = Minor
risk-impact-3 = Moderate
risk-impact-4 = Major
risk-impact-5 = Severe
risk-band-1 = Low
risk-band-2 = Medium
risk-band-3 = High
risk-band-4 = Extreme
qr-code = QR code

## Plan health: what each warning code means (the check's own message follows it, in English)
code-rto-inversion = A service needs one that is restored later
code-rpo-inversion = A service may lose more data than one it needs
code-process-rto = A process needs a service that is restored later
code-vendor-restore = A vendor restores more slowly than the service needs
code-no-runbook = A critical service has no runbook
code-not-exercised = A runbook has not been exercised recently
code-plan-review-overdue = The plan is overdue for review
code-contract-ending = A vendor contract ends soon
code-finding-overdue = An exercise finding is overdue
code-no-phone = A contact has no phone number
code-phone-format = A phone number looks wrong
code-mtd-budget = Recovery takes longer than the process can stop
code-contact-unverified = A contact's details are not confirmed recently
code-unowned = Nobody owns an item
code-unreadable-file = A file could not be read
code-missing-asset = A link points to a missing file
code-unknown-template = A template override replaces nothing
code-stray-file = A file is not plan content
code-incomplete-locale = The interface's language is incomplete

## Durations: each part (1w, 2d, 4h, 15m), and two or three of them together
dur-2 = { $a }{ $b }
dur-3 = { $a }{ $b }{ $c }
dur-w = { $n }w
dur-d = { $n }d
dur-h = { $n }h
dur-m = { $n }m

## Document control
title-document = Document control
nav-document = Document
copy-stamp = Copy { $n } of { $total }, held by { $holder }
copy-stamp-numbered = Copy { $n }, held by { $holder }
uncontrolled-copy = Uncontrolled copy when printed: check that it is the current version before relying on it.
uncontrolled-copy-short = Uncontrolled copy
binder-copy = Copy
approved-by = Approved by
approved-on = Approved on
not-approved = not approved
classification = Classification
record-of-changes = Record of changes
change-version = Version
change-date = Date
change-by = By
change-summary = Change
record-from-git = From the plan's git history.
no-changes = No changes recorded.
distribution-list = Distribution list
copy-number = Copy
holder = Holder
form = Form
issued = Issued
no-distribution = No controlled copies are listed (distribution.toml).
form-print = printed
form-usb = USB stick
form-phone = phone
form-intranet = intranet
form-email = email
search-words-title-document = approval changes distribution copies version

## Training and readiness
title-readiness = Who is ready
readiness-summary = { $current } of { $people } people with a role are current.
readiness-intro-policy = Everyone with a role takes part in an exercise, training or briefing every { $every } (policy.train_every); a runbook owner in one that covers their runbook. Most overdue first.
readiness-intro = Judged against { $every } (the plan sets no policy.train_every); a runbook owner counts only an exercise or training that covers their runbook. Most overdue first.
readiness-nobody = Nobody has a role in the plan yet.
readiness-link = who has taken part in an exercise, training or briefing for their role, and who is due.
state-current = current
state-due = due within 30 days
state-overdue = overdue
state-never = never
role-call-tree = Call tree
role-report-back = Report back
role-runbook-owner = Runbook owner
role-team-lead = Team lead
role-alternate = Alternate
exercise-kind-tabletop = tabletop
exercise-kind-walkthrough = walkthrough
exercise-kind-simulation = simulation
exercise-kind-full-scale = full-scale
exercise-kind-training = training
exercise-kind-briefing = briefing
exercise-status-planned = planned
exercise-status-done = done
exercise-status-cancelled = cancelled
last-trained = Last exercised or trained
with-people = with { $who }
# An exercise or training after its date: "2026-05-20: Loss of SCADA tabletop".
dated = { $date }: { $what }
exercises-and-training = Exercises and training
search-words-title-readiness = training awareness readiness roles
code-untrained = Someone with a role has not been trained recently
code-unapproved-changes = A change was made after the plan's approval

## Private numbers of an encrypted build
unlock-label = Passphrase for private numbers
unlock = Unlock
lock = Lock private numbers
js-unlock-unsupported = This browser cannot open the private numbers (no WebCrypto).
js-unlock-working = Unlocking…
js-unlock-wrong = Wrong passphrase: nothing was unlocked.
js-locked = Locked.
js-private-home = Home
js-private-mobile = Personal mobile
js-private-email = Personal email
js-private-address = Home address
js-private-result = Private number

## The format's fixed words: runbook kinds, exercise outcomes
runbook-kind-response = response
runbook-kind-recovery = recovery
runbook-kind-workaround = workaround
runbook-kind-communication = communication
exercise-outcome-pass = pass
exercise-outcome-partial = partial
exercise-outcome-fail = fail

## The format's fixed words: risk treatments, message channels, finding severities, recovery strategies
risk-treatment-accept = accept
risk-treatment-reduce = reduce
risk-treatment-transfer = transfer
risk-treatment-avoid = avoid
channel-email = email
channel-sms = SMS
channel-phone-script = phone script
channel-web = web
channel-press = press
finding-severity-low = low
finding-severity-medium = medium
finding-severity-high = high
strategy-backup-restore = backup and restore
strategy-redundancy = redundancy
strategy-failover = failover
strategy-manual-workaround = manual workaround
strategy-rebuild = rebuild
strategy-vendor-recovery = vendor recovery
