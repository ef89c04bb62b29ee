//! FNV-1a, 64 bits: the one hash of the project's own fingerprints (texts,
//! sources, sentences) and of its maps keyed by short strings and
//! characters, where SipHash's protection against chosen keys buys nothing
//! for the site's own text and costs more than the lookup itself.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The offset basis of FNV-1a, 64 bits.
const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The prime of FNV-1a, 64 bits.
const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`: a stable fingerprint of a text.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(BASIS, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// FNV-1a as a [`Hasher`], for [`FnvMap`].
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { BASIS } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        self.0 = h;
    }
}

/// A map hashed with FNV-1a.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hasher_and_the_fingerprint_agree() {
        let mut h = Fnv::default();
        h.write("政务公开".as_bytes());
        assert_eq!(h.finish(), fnv1a("政务公开".as_bytes()));
        assert_eq!(fnv1a(b""), BASIS);
    }
}
