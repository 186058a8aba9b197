//! The connections of `serve`: a small HTTP/1.1 server that answers only its author's
//! browser and survives any client.
//!
//! - **Only the author's browser.** A request whose `Host` does not name the bound
//!   address (`localhost`, `127.0.0.1`, `[::1]`, the `--bind` address; any IP address
//!   when bound to all of them), with the port, gets 421 and nothing else: a web page
//!   that rebinds its own name to 127.0.0.1 reads nothing. A request another site's
//!   page makes (`Sec-Fetch-Site: cross-site` or `same-site`) gets 403 unless it is
//!   a link followed (a navigation, whose answer that page cannot read); every
//!   answer says `Cross-Origin-Resource-Policy: same-origin`, so that no other page
//!   can load `search-index.js` as its own script; a frame of another site's page is
//!   no link followed, so none can frame the site.
//! - **Any client.** At most [`max_connections`] connections at once (more wait in the
//!   kernel's queue until one ends); a request's head must arrive within
//!   [`HEAD_TIMEOUT`] and fit in [`MAX_HEAD`] bytes (414 for a longer request line, 431
//!   for longer headers), so an idle or endless client costs a thread and 8 KiB for
//!   seconds at most; an error of `accept` (out of file descriptors) is waited out,
//!   never the end of the listener.
//! - One request a connection (`Connection: close`), with its length: every client
//!   reads it the same way, and no kept-alive connection holds a slot.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The request line and headers together.
pub const MAX_HEAD: usize = 8 * 1024;
/// How long a client has to send its request's head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(3);

/// Connections served at once: 512, or fewer when the process may open fewer files
/// (each connection is one; 64 are left for the plan's files and the watcher).
pub fn max_connections() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: a pointer to a live rlimit, which getrlimit fills in.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
            let files = usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
            return files.saturating_sub(64).clamp(16, 512);
        }
    }
    512
}
/// How long a client has to take an answer.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// A request: its method, its target (path and query) and whether it is HEAD.
pub struct Request {
    pub method: String,
    pub target: String,
}

/// An answer.
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Which `Host` values name this server.
pub struct Hosts {
    names: Vec<String>,
    any_ip: bool,
    port: u16,
}

impl Hosts {
    /// The hosts of a server bound to `bind` (as given to `--bind`) and `port`.
    pub fn new(bind: &str, port: u16) -> Hosts {
        let bind = bind.trim_start_matches('[').trim_end_matches(']');
        let ip: Option<IpAddr> = bind.parse().ok();
        let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
        names.push(match ip {
            Some(IpAddr::V6(v6)) => format!("[{v6}]"),
            Some(ip) => ip.to_string(),
            None => bind.to_ascii_lowercase(),
        });
        Hosts {
            names,
            any_ip: ip.is_some_and(|ip| ip.is_unspecified()),
            port,
        }
    }

    /// Whether a request's `Host` header names this server.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        // The port is the part after the last colon outside brackets.
        let (name, port) = match host.rfind(':') {
            Some(at) if !host[at..].contains(']') => (&host[..at], Some(&host[at + 1..])),
            _ => (host.as_str(), None),
        };
        let port_ok = match port {
            Some(p) => p.parse::<u16>().ok() == Some(self.port),
            None => self.port == 80,
        };
        if !port_ok || name.is_empty() {
            return false;
        }
        if self.names.iter().any(|n| n == name) {
            return true;
        }
        // Bound to every address: the machine's own addresses, never a name (a name
        // is what a rebinding page controls).
        self.any_ip
            && (name.parse::<std::net::Ipv4Addr>().is_ok()
                || name
                    .strip_prefix('[')
                    .and_then(|n| n.strip_suffix(']'))
                    .is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok()))
    }
}

/// Why a request's head was refused.
#[derive(Debug, PartialEq)]
enum Refused {
    /// The client went away or was too slow: no answer.
    Gone,
    Status(u16, &'static str),
}

/// Reads a request's head (up to the empty line) within the limits.
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Refused> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or(Refused::Gone)?;
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| Refused::Gone)?;
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(Refused::Gone),
            Ok(n) => n,
        };
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..n]);
        // The empty line ends the head (CRLF as the standard says, or a bare LF as
        // some clients write).
        let end = find(&head[from..], b"\r\n\r\n").or_else(|| find(&head[from..], b"\n\n"));
        if let Some(end) = end {
            head.truncate(from + end);
            if head.len() > MAX_HEAD {
                return Err(too_long(&head));
            }
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(too_long(&head));
        }
    }
}

fn too_long(head: &[u8]) -> Refused {
    if find(&head[..head.len().min(MAX_HEAD)], b"\r\n").is_none() {
        Refused::Status(414, "The request line is too long\n")
    } else {
        Refused::Status(431, "The request's headers are too large\n")
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The request of a head, or why it is refused.
fn parse(head: &[u8], hosts: &Hosts) -> Result<Request, Refused> {
    let bad = Refused::Status(400, "Bad request\n");
    let text = std::str::from_utf8(head).map_err(|_| Refused::Status(400, "Bad request\n"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let line = lines.next().unwrap_or_default();
    let mut words = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Err(bad);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Refused::Status(505, "HTTP/1.1 only\n"));
    }
    let mut host = None;
    let (mut site, mut mode, mut dest) = (None, None, None);
    for header in lines {
        let Some((name, value)) = header.split_once(':') else {
            return Err(bad);
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        match name.as_str() {
            "host" => {
                if host.is_some() {
                    return Err(bad);
                }
                host = Some(value);
            }
            "sec-fetch-site" => site = Some(value.to_ascii_lowercase()),
            "sec-fetch-mode" => mode = Some(value.to_ascii_lowercase()),
            "sec-fetch-dest" => dest = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    // Another site's page may send the reader here (a link: a navigation, whose
    // answer it cannot read), but not load or fetch anything of the site.
    let foreign = site.is_some_and(|s| s != "same-origin" && s != "none");
    let followed_link = mode.as_deref() == Some("navigate") && dest.as_deref() == Some("document");
    if foreign && !followed_link {
        return Err(Refused::Status(
            403,
            "lifeboat serve answers only its own pages\n",
        ));
    }
    if !host.is_some_and(|h| hosts.allows(h)) {
        return Err(Refused::Status(
            421,
            "lifeboat serve answers only requests to its own address (localhost)\n",
        ));
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
    })
}

/// Writes an answer with the headers every answer carries.
fn send(stream: &mut TcpStream, r: &Response, head_only: bool, csp: &str) {
    let reason = match r.status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: {csp}\r\nCross-Origin-Resource-Policy: same-origin\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        r.status,
        r.content_type,
        r.body.len()
    );
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

/// One connection: one request, one answer.
fn connection(
    mut stream: TcpStream,
    hosts: &Hosts,
    csp: &str,
    handler: &(dyn Fn(&Request) -> Response + Send + Sync),
) {
    let _ = stream.set_nodelay(true);
    let request = read_head(&mut stream).and_then(|head| parse(&head, hosts));
    match request {
        Ok(req) => {
            let head_only = req.method == "HEAD";
            let r = if matches!(req.method.as_str(), "GET" | "HEAD") {
                handler(&req)
            } else {
                Response::text(405, "Only GET\n")
            };
            send(&mut stream, &r, head_only, csp);
        }
        Err(Refused::Status(status, text)) => {
            send(&mut stream, &Response::text(status, text), false, csp);
        }
        Err(Refused::Gone) => {}
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // What the client still sends is read briefly and dropped, so that closing does
    // not reset the connection before the answer is read.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 1024];
    let mut drained = 0;
    while let Ok(n) = stream.read(&mut sink) {
        drained += n;
        if n == 0 || drained > 64 * 1024 {
            break;
        }
    }
}

/// Serves connections on `listener` until `stop` is set (and the listener woken
/// with a connection of its own). `csp` goes with every answer.
pub fn run(
    listener: TcpListener,
    hosts: Hosts,
    csp: String,
    handler: Arc<dyn Fn(&Request) -> Response + Send + Sync>,
    stop: Arc<AtomicBool>,
) {
    let hosts = Arc::new(hosts);
    let csp: Arc<str> = csp.into();
    let open = Arc::new(AtomicUsize::new(0));
    let cap = max_connections();
    loop {
        // At the cap, new connections wait in the kernel's queue.
        while open.load(Ordering::SeqCst) >= cap {
            std::thread::sleep(Duration::from_millis(5));
        }
        let stream = match listener.accept() {
            Ok((s, _)) => s,
            Err(_) => {
                // Out of file descriptors (or a connection reset before it was
                // taken): wait for one to be freed, then go on.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        if stop.load(Ordering::SeqCst) {
            break;
        }
        open.fetch_add(1, Ordering::SeqCst);
        let (hosts, csp, handler, done) =
            (hosts.clone(), csp.clone(), handler.clone(), open.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                connection(stream, &hosts, &csp, handler.as_ref());
                done.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            // No thread to be had: the connection was dropped with the closure.
            open.fetch_sub(1, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Wakes a listener blocked in `accept` (after `stop` is set).
pub fn wake(addr: SocketAddr) {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr.ip() {
            IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    let _ = TcpStream::connect_timeout(&addr, Duration::from_secs(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hosts_that_name_the_bound_address_with_its_port() {
        let local = Hosts::new("127.0.0.1", 8000);
        for ok in [
            "localhost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "LOCALHOST:8000",
        ] {
            assert!(local.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "localhost",
            "localhost:8001",
            "127.0.0.1:80",
            "localhost.evil.example:8000",
            "192.168.1.5:8000",
            "[::1]",
            ":8000",
            "",
            "localhost:8000:8000",
        ] {
            assert!(!local.allows(bad), "{bad}");
        }
        let all = Hosts::new("0.0.0.0", 8000);
        assert!(all.allows("192.168.1.5:8000"));
        assert!(all.allows("[fe80::1]:8000"));
        assert!(!all.allows("rebind.evil.example:8000"));
        let named = Hosts::new("plans.intranet", 8080);
        assert!(named.allows("plans.intranet:8080"));
        assert!(!named.allows("other.intranet:8080"));
        let v6 = Hosts::new("::1", 9000);
        assert!(v6.allows("[::1]:9000"));
    }

    #[test]
    fn heads_are_parsed_and_foreign_pages_refused() {
        let hosts = Hosts::new("127.0.0.1", 8000);
        let ok = parse(
            b"GET /x.html HTTP/1.1\r\nHost: localhost:8000\r\nSec-Fetch-Site: same-origin",
            &hosts,
        )
        .expect("a request");
        assert_eq!((ok.method.as_str(), ok.target.as_str()), ("GET", "/x.html"));
        // Bare line feeds, as some clients write them.
        assert!(parse(b"GET / HTTP/1.1\nHost: localhost:8000", &hosts).is_ok());
        // A link from another site's page to the served site is followed.
        assert!(parse(b"GET / HTTP/1.1\r\nHost: localhost:8000\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document", &hosts).is_ok());
        for (head, status) in [
            (&b"GET / HTTP/1.1\r\nHost: evil.example:8000"[..], 421),
            (b"GET / HTTP/1.1", 421),
            (
                b"GET / HTTP/1.1\r\nHost: localhost:8000\r\nHost: evil.example",
                400,
            ),
            (
                b"GET / HTTP/1.1\r\nHost: localhost:8000\r\nSec-Fetch-Site: cross-site",
                403,
            ),
            (
                b"GET / HTTP/1.1\r\nHost: localhost:8000\r\nSec-Fetch-Site: same-site",
                403,
            ),
            (b"GET /\r\nHost: localhost:8000", 400),
            (b"GET / SPDY/3\r\nHost: localhost:8000", 505),
            (b"GET / HTTP/1.1\r\nno colon", 400),
        ] {
            assert_eq!(
                parse(head, &hosts).err(),
                Some(Refused::Status(
                    status,
                    match status {
                        421 =>
                            "lifeboat serve answers only requests to its own address (localhost)\n",
                        403 => "lifeboat serve answers only its own pages\n",
                        505 => "HTTP/1.1 only\n",
                        _ => "Bad request\n",
                    }
                )),
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }
}
