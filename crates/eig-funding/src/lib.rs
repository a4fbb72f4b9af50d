//! Funding plans of each promotion of the *Entrepreneurs d'intérêt général* programme.
//!
//! Scope (work in progress, see the project's issue tracker): dated parameters with their
//! sources (PIA share, envelopes, months of employer cost, flat amounts, pay grids), the
//! funding formula of each promotion (EIG3: 70 % PIA / 30 % host of the total employer cost,
//! PIA at most 1.5 M€; EIG4–EIG5: months of employer cost on programme 352; EIG6: 20 000 €
//! per talent; EIG7: DINUM pays), cent-exact splits whose parts always sum to the whole, and
//! plans per défi, per talent and per promotion against the envelope.
//!
//! This crate exports nothing yet: no formula is implemented here so far.
