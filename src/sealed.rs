//! The private values of an encrypted build (`build --encrypt-private`), sealed
//! with a passphrase: PBKDF2-SHA256 (600,000 iterations, 16-byte random salt) derives
//! an AES-256-GCM key; the 12-byte random IV and the ciphertext with its tag go into
//! a JSON envelope any standard tool can open (spec v1.2 §5). A leaf: it knows
//! bytes, not the plan.

use aes_gcm::aead::{Aead, KeyInit, OsRng, rand_core::RngCore};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use serde::{Deserialize, Serialize};

/// OWASP's figure for PBKDF2-SHA256 (2023).
pub const ITERATIONS: u32 = 600_000;
/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE: usize = 12;

#[derive(Serialize, Deserialize, Debug)]
pub struct Envelope {
    pub v: u32,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub iv: String,
    pub data: String,
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(passphrase.as_bytes(), salt, iterations)
}

/// Why a passphrase may not be used, if it may not.
pub fn weak(passphrase: &str) -> Option<String> {
    let n = passphrase.chars().count();
    (n < MIN_PASSPHRASE).then(|| {
        format!(
            "the passphrase has {n} characters; use at least {MIN_PASSPHRASE} (a few unrelated \
             words are easy to share by phone and hard to guess)"
        )
    })
}

/// `plaintext` sealed with `passphrase`, a fresh salt and IV from the OS.
pub fn seal(passphrase: &str, plaintext: &[u8]) -> Result<Envelope, String> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    OsRng
        .try_fill_bytes(&mut salt)
        .and_then(|_| OsRng.try_fill_bytes(&mut iv))
        .map_err(|e| format!("the system's random source failed: {e}"))?;
    let k = key(passphrase, &salt, ITERATIONS);
    let cipher = Aes256Gcm::new_from_slice(&k).map_err(|e| e.to_string())?;
    let data = cipher
        .encrypt(Nonce::from_slice(&iv), plaintext)
        .map_err(|_| "encryption failed".to_string())?;
    Ok(Envelope {
        v: 1,
        kdf: "PBKDF2-SHA256".into(),
        iterations: ITERATIONS,
        salt: b64().encode(salt),
        cipher: "AES-256-GCM".into(),
        iv: b64().encode(iv),
        data: b64().encode(data),
    })
}

/// The plaintext of `e`, or None for a wrong passphrase (or a damaged envelope).
pub fn open(passphrase: &str, e: &Envelope) -> Option<Vec<u8>> {
    let salt = b64().decode(&e.salt).ok()?;
    let iv = b64().decode(&e.iv).ok()?;
    let data = b64().decode(&e.data).ok()?;
    if iv.len() != 12 {
        return None;
    }
    let k = key(passphrase, &salt, e.iterations);
    Aes256Gcm::new_from_slice(&k)
        .ok()?
        .decrypt(Nonce::from_slice(&iv), data.as_ref())
        .ok()
}

/// The envelope as the site's `private.js`: a classic script that sets
/// `window.lifeboatPrivate` (no `<` in it, so that the single file may inline it).
pub fn script(e: &Envelope) -> String {
    let json = serde_json::to_string(e).unwrap_or_default();
    format!("window.lifeboatPrivate = {json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_opens_with_the_passphrase_only_and_is_fresh_each_time() {
        let e = seal("correct horse battery", b"{\"a\":1}").expect("seal");
        assert_eq!(e.iterations, 600_000);
        assert_eq!(b64().decode(&e.salt).expect("salt").len(), 16);
        assert_eq!(b64().decode(&e.data).expect("data").len(), 7 + 16);
        assert_eq!(
            open("correct horse battery", &e).as_deref(),
            Some(&b"{\"a\":1}"[..])
        );
        assert_eq!(open("correct horse batterx", &e), None);
        let f = seal("correct horse battery", b"{\"a\":1}").expect("seal");
        assert_ne!(e.salt, f.salt);
        assert_ne!(e.iv, f.iv);
        assert!(weak("short").is_some() && weak("twelve chars").is_none());
        assert!(!script(&e).contains('<'));
    }
}
