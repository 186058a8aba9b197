//! The sheets of wallet cards (A4 and US Letter): the cards laid out once, for both.

use super::*;

pub(super) struct Cards {
    pub(super) cards: Vec<kit::cards::Card>,
    pub(super) faces: Vec<views::Faces>,
    /// What the build's output should tell (QR codes that left fields out, ...).
    pub(super) notes: Vec<String>,
}

impl<'a> Renderer<'a> {
    /// The cards, drawn on first use. Drawing them uses the thread pool, so the
    /// first use must not be inside it: a worker that waits in `get_or_init` for
    /// its own parallel draw can take up another page of cards, which then waits
    /// for the same `OnceLock` forever (a build hung so in CI, together with every
    /// other user of the pool). `Renderer::new` (the whole site) draws them before
    /// pages go in parallel; `Site` asks from the server's thread.
    pub(super) fn cards(&self) -> &Cards {
        debug_assert!(
            self.cards.get().is_some() || rayon::current_thread_index().is_none(),
            "the cards are first drawn inside the thread pool"
        );
        self.cards.get_or_init(|| self.draw_cards())
    }

    /// Works out the cards and draws their faces. Each distinct QR payload is
    /// encoded once, however many cards carry it (every personal card carries the
    /// hotline's).
    pub(super) fn draw_cards(&self) -> Cards {
        let (cards, mut notes) =
            kit::cards::cards(self.input.plan, &self.input.catalog.text("hotline"));
        let mut payloads: Vec<(&str, i16)> = cards
            .iter()
            .filter_map(|c| c.qr.as_ref().map(|q| (q.text.as_str(), q.max_version)))
            .collect();
        payloads.sort_unstable();
        payloads.dedup();
        let label = self.input.catalog.text("qr-code");
        let codes: std::collections::HashMap<&str, String> = payloads
            .par_iter()
            .filter_map(|&(text, max)| {
                let qr = kit::qr::encode(text, max)?;
                Some((text, qr.svg(text, &label)))
            })
            .collect();
        let c = self.ctx("../", false, false);
        let drawn: Vec<(Vec<views::Faces>, Vec<String>)> = cards
            .par_iter()
            .map(|card| {
                let mut n = Vec::new();
                let qr = card.qr.as_ref().and_then(|q| codes.get(q.text.as_str()));
                (views::faces(&c, card, qr.map(String::as_str), &mut n), n)
            })
            .collect();
        let mut faces = Vec::with_capacity(drawn.len());
        for (f, n) in drawn {
            faces.extend(f);
            notes.extend(n);
        }
        drop(codes);
        Cards {
            cards,
            faces,
            notes,
        }
    }
}
