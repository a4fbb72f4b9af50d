//! The funding rules, by identifier, with the texts that state them. The rules catalogue
//! (`docs/rules/funding.md`) has one entry per identifier.

use std::fmt;

use eig_domain::{Document, Promotion, Source};
use serde::{Deserialize, Serialize};

/// A funding rule the plan applied.
///
/// # Example
/// ```
/// use eig_funding::RuleId;
///
/// assert_eq!(RuleId::PiaShareOfEmployerCost.as_str(), "funding.pia_share_of_employer_cost");
/// assert_eq!(RuleId::PiaShareOfEmployerCost.sources()[0].to_string(), "AAP3 §3.1.1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(with = "String"))]
#[cfg_attr(feature = "schemars", schemars(extend("enum" = RuleId::identifiers())))]
#[serde(into = "&'static str", try_from = "String")]
#[non_exhaustive]
pub enum RuleId {
    /// EIG1–EIG2: the PIA pays the talents' pay (AAC2 art. 2; ING).
    PiaPaysPay,
    /// EIG3: the PIA pays 70 % of the total employer cost of each talent, for hosts of the
    /// State (directly or through a porteur administratif) (AAP3 §3.1.1, §5.2).
    PiaShareOfEmployerCost,
    /// EIG4–EIG5: programme 352 pays the total employer cost of 4 (EIG4) or 3 (EIG5)
    /// months per talent (AAP4 §3.3; AAP5 §3.3).
    MonthsOfEmployerCost,
    /// EIG6: programme 352 pays a flat amount per recruited talent (AAP6 §3.3, annexe 3
    /// art. 4).
    FlatPerRecruitedTalent,
    /// EIG5 and EIG6 prolongations: a flat amount per prolonged talent (AAP6 annexe 3
    /// art. 4; AAC6+ §2.2).
    FlatPerProlongedTalent,
    /// EIG7: DINUM employs the talents and pays them wholly on programme 352 (REG7 §1.2).
    DinumPaysAll,
    /// The host pays the rest of the employer cost (AAP3 §5.2; AAP4 §4.2; AAP5 §4.2.1;
    /// AAP6 §4.2.1).
    HostPaysRest,
    /// A self-funded défi is paid wholly by its host (AAP3 §3.1.3; AAP4–AAP6 §3.4).
    SelfFunded,
    /// A défi on alternative funding is paid by that source, not by the programme
    /// (AAP3 §3.1.2; AAP4–AAP6 §3.2).
    AlternativeFunding,
    /// Sums paid and not used (a resignation) are not refunded the year they are paid; the
    /// next year's transfer may be reduced by the overpayment (AAP6 annexe 3 art. 4;
    /// AAC6+ annexe 3 art. 4).
    UnusedFlatNotRefunded,
    /// Without a given cost, the ING reference (70 000 € for 10 months at 4 000 € net) is
    /// used, marked as an estimate (ING).
    ReferenceCostEstimate,
    /// The programme's money in a promotion is capped by an envelope (AAP3 §1; AAP4 §1;
    /// RAPPORT).
    Envelope,
    /// EIG2: the Caisse des dépôts transfers the money once the host has signed its
    /// convention with it (AAC2 art. 2).
    TransferAfterCdcConvention,
    /// EIG3: the money is transferred after the signed convention and the final financial
    /// simulation of each talent are sent to the Caisse des dépôts (AAP3 §5.2).
    TransferAfterDocumentsToCdc,
    /// EIG4–EIG6 and the EIG6 prolongations: the credits are transferred as soon as the
    /// décret de transfert is published, expected in November (AAP4 §3.3; AAP5 §3.3; AAP6
    /// §3.3; AAC6+ §2.2).
    TransferOnDecreePublication,
    /// EIG6 and the prolongations: DINUM transfers the credits in one transfer, in the second
    /// half-year (AAP6 annexe 3 art. 4; AAC6+ annexe 3 art. 4).
    SingleTransferSecondSemester,
}

impl RuleId {
    /// Every rule, in catalogue order.
    ///
    /// # Example
    /// ```
    /// use eig_funding::RuleId;
    ///
    /// assert!(RuleId::ALL.iter().all(|rule| rule.as_str().starts_with("funding.")));
    /// assert!(RuleId::ALL.iter().all(|rule| !rule.sources().is_empty()));
    /// ```
    pub const ALL: [RuleId; 16] = [
        RuleId::PiaPaysPay,
        RuleId::PiaShareOfEmployerCost,
        RuleId::MonthsOfEmployerCost,
        RuleId::FlatPerRecruitedTalent,
        RuleId::FlatPerProlongedTalent,
        RuleId::DinumPaysAll,
        RuleId::HostPaysRest,
        RuleId::SelfFunded,
        RuleId::AlternativeFunding,
        RuleId::UnusedFlatNotRefunded,
        RuleId::ReferenceCostEstimate,
        RuleId::Envelope,
        RuleId::TransferAfterCdcConvention,
        RuleId::TransferAfterDocumentsToCdc,
        RuleId::TransferOnDecreePublication,
        RuleId::SingleTransferSecondSemester,
    ];

    /// The catalogue's entries for the choices no text makes, which a case may name like a
    /// rule: the rounding to the cent and the monthly schedule (`docs/rules/funding.md`).
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_funding::RuleId::CHOICES, ["funding.rounding", "funding.schedule"]);
    /// ```
    pub const CHOICES: [&'static str; 2] = ["funding.rounding", "funding.schedule"];

    /// The identifier used in JSON and in the rules catalogue.
    ///
    /// # Example
    /// ```
    /// use eig_funding::RuleId;
    ///
    /// assert_eq!(RuleId::HostPaysRest.as_str(), "funding.host_pays_rest");
    /// assert_eq!(serde_json::to_string(&RuleId::HostPaysRest)?, r#""funding.host_pays_rest""#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::PiaPaysPay => "funding.pia_pays_pay",
            RuleId::PiaShareOfEmployerCost => "funding.pia_share_of_employer_cost",
            RuleId::MonthsOfEmployerCost => "funding.months_of_employer_cost",
            RuleId::FlatPerRecruitedTalent => "funding.flat_per_recruited_talent",
            RuleId::FlatPerProlongedTalent => "funding.flat_per_prolonged_talent",
            RuleId::DinumPaysAll => "funding.dinum_pays_all",
            RuleId::HostPaysRest => "funding.host_pays_rest",
            RuleId::SelfFunded => "funding.self_funded",
            RuleId::AlternativeFunding => "funding.alternative_funding",
            RuleId::UnusedFlatNotRefunded => "funding.unused_flat_not_refunded",
            RuleId::ReferenceCostEstimate => "funding.reference_cost_estimate",
            RuleId::Envelope => "funding.envelope",
            RuleId::TransferAfterCdcConvention => "funding.transfer_after_cdc_convention",
            RuleId::TransferAfterDocumentsToCdc => "funding.transfer_after_documents_to_cdc",
            RuleId::TransferOnDecreePublication => "funding.transfer_on_decree_publication",
            RuleId::SingleTransferSecondSemester => "funding.single_transfer_second_semester",
        }
    }

    /// The texts that state the rule.
    ///
    /// # Example
    /// ```
    /// use eig_funding::RuleId;
    ///
    /// let sources: Vec<String> = RuleId::MonthsOfEmployerCost.sources().iter().map(ToString::to_string).collect();
    /// assert_eq!(sources, ["AAP4 §3.3", "AAP5 §3.3"]);
    /// ```
    pub fn sources(self) -> &'static [Source] {
        use Document::{Aac2, Aac6Plus, Aap3, Aap4, Aap5, Aap6, Ing, Rapport, Reg7};
        match self {
            RuleId::PiaPaysPay => {
                static S: [Source; 2] =
                    [Source::new(Aac2, "art. 2"), Source::new(Ing, "« Modes de financement »")];
                &S
            }
            RuleId::PiaShareOfEmployerCost => {
                static S: [Source; 3] = [
                    Source::new(Aap3, "§3.1.1"),
                    Source::new(Aap3, "§3.1.2"),
                    Source::new(Aap3, "§5.2"),
                ];
                &S
            }
            RuleId::MonthsOfEmployerCost => {
                static S: [Source; 2] = [Source::new(Aap4, "§3.3"), Source::new(Aap5, "§3.3")];
                &S
            }
            RuleId::FlatPerRecruitedTalent => {
                static S: [Source; 2] =
                    [Source::new(Aap6, "§3.3"), Source::new(Aap6, "annexe 3 art. 4")];
                &S
            }
            RuleId::FlatPerProlongedTalent => {
                static S: [Source; 2] =
                    [Source::new(Aap6, "annexe 3 art. 4"), Source::new(Aac6Plus, "§2.2")];
                &S
            }
            RuleId::DinumPaysAll => {
                static S: [Source; 1] = [Source::new(Reg7, "§1.2")];
                &S
            }
            RuleId::HostPaysRest => {
                static S: [Source; 4] = [
                    Source::new(Aap3, "§5.2"),
                    Source::new(Aap4, "§4.2"),
                    Source::new(Aap5, "§4.2.1"),
                    Source::new(Aap6, "§4.2.1"),
                ];
                &S
            }
            RuleId::SelfFunded => {
                static S: [Source; 4] = [
                    Source::new(Aap3, "§3.1.3"),
                    Source::new(Aap4, "§3.4"),
                    Source::new(Aap5, "§3.4"),
                    Source::new(Aap6, "§3.4"),
                ];
                &S
            }
            RuleId::AlternativeFunding => {
                static S: [Source; 4] = [
                    Source::new(Aap3, "§3.1.2"),
                    Source::new(Aap4, "§3.2"),
                    Source::new(Aap5, "§3.2"),
                    Source::new(Aap6, "§3.2"),
                ];
                &S
            }
            RuleId::UnusedFlatNotRefunded => {
                static S: [Source; 2] = [
                    Source::new(Aap6, "annexe 3 art. 4"),
                    Source::new(Aac6Plus, "annexe 3 art. 4"),
                ];
                &S
            }
            RuleId::ReferenceCostEstimate => {
                static S: [Source; 1] = [Source::new(Ing, "« Postes de dépenses »")];
                &S
            }
            RuleId::Envelope => {
                static S: [Source; 3] = [
                    Source::new(Aap3, "§1"),
                    Source::new(Aap4, "§1"),
                    Source::new(Rapport, "tableau « Budget »"),
                ];
                &S
            }
            RuleId::TransferAfterCdcConvention
            | RuleId::TransferAfterDocumentsToCdc
            | RuleId::TransferOnDecreePublication
            | RuleId::SingleTransferSecondSemester => self.calendar_sources(),
        }
    }
}

impl RuleId {
    /// The texts that state when the money is transferred (the payment calendar's rules).
    fn calendar_sources(self) -> &'static [Source] {
        use Document::{Aac2, Aac6Plus, Aap3, Aap4, Aap5, Aap6};
        match self {
            RuleId::TransferAfterCdcConvention => {
                static S: [Source; 1] = [Source::new(Aac2, "art. 2")];
                &S
            }
            RuleId::TransferAfterDocumentsToCdc => {
                static S: [Source; 1] = [Source::new(Aap3, "§5.2")];
                &S
            }
            RuleId::TransferOnDecreePublication => {
                static S: [Source; 4] = [
                    Source::new(Aap4, "§3.3"),
                    Source::new(Aap5, "§3.3"),
                    Source::new(Aap6, "§3.3"),
                    Source::new(Aac6Plus, "§2.2"),
                ];
                &S
            }
            RuleId::SingleTransferSecondSemester => {
                static S: [Source; 2] = [
                    Source::new(Aap6, "annexe 3 art. 4"),
                    Source::new(Aac6Plus, "annexe 3 art. 4"),
                ];
                &S
            }
            _ => &[],
        }
    }
}

impl RuleId {
    /// The texts that state the rule for `promotion`: for a rule each call restates (the host
    /// pays the rest: AAP3 §5.2 for EIG3, AAP4 §4.2 for EIG4, …; the envelope: RAPPORT for
    /// EIG1–EIG2), the promotion's own text; otherwise all of them. Where the programme pays
    /// wholly, the host's nil rest cites that text (EIG1–EIG2: AAC2 art. 2, ING; EIG7: REG7
    /// §1.2).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_funding::RuleId;
    ///
    /// let eig5 = RuleId::HostPaysRest.sources_for(Promotion::Eig5);
    /// assert_eq!(eig5.iter().map(ToString::to_string).collect::<Vec<_>>(), ["AAP5 §4.2.1"]);
    /// assert_eq!(RuleId::DinumPaysAll.sources_for(Promotion::Eig7).len(), 1);
    /// ```
    pub fn sources_for(self, promotion: Promotion) -> Vec<&'static Source> {
        // Where the programme pays wholly (EIG1–EIG2: the PIA; EIG7: DINUM), the host's rest is
        // nil by the text that says so, not by a later call's co-financing sentence.
        match (self, promotion) {
            (RuleId::HostPaysRest, Promotion::Eig1 | Promotion::Eig2) => {
                return RuleId::PiaPaysPay.sources().iter().collect();
            }
            (RuleId::HostPaysRest, Promotion::Eig7) => {
                return RuleId::DinumPaysAll.sources().iter().collect();
            }
            // EIG6: the décret of its recruitments (AAP6 §3.3) and of its prolongations
            // (AAC6+ §2.2).
            (RuleId::TransferOnDecreePublication, Promotion::Eig6) => {
                return self.sources()[2..].iter().collect();
            }
            // EIG5: only its prolongations' convention (AAP6 annexe 3 art. 4).
            (RuleId::SingleTransferSecondSemester, Promotion::Eig5) => {
                return self.sources()[..1].iter().collect();
            }
            _ => {}
        }
        let all = self.sources();
        let per_call = matches!(
            self,
            RuleId::MonthsOfEmployerCost
                | RuleId::HostPaysRest
                | RuleId::SelfFunded
                | RuleId::AlternativeFunding
                | RuleId::Envelope
                | RuleId::TransferOnDecreePublication
        );
        if !per_call {
            return all.iter().collect();
        }
        let document = match promotion {
            Promotion::Eig1 | Promotion::Eig2 if self == RuleId::Envelope => {
                Some(Document::Rapport)
            }
            Promotion::Eig1 | Promotion::Eig2 | Promotion::Eig3 => Some(Document::Aap3),
            Promotion::Eig4 => Some(Document::Aap4),
            Promotion::Eig5 => Some(Document::Aap5),
            Promotion::Eig6 => Some(Document::Aap6),
            _ => None,
        };
        let matching: Vec<&Source> =
            all.iter().filter(|source| Some(source.document) == document).collect();
        if matching.is_empty() || all.len() == 1 { all.iter().collect() } else { matching }
    }
}

impl RuleId {
    /// The sentence of `source` that states the rule, verbatim (an elision `…` only between
    /// two verbatim parts), for the sources whose sentence the rule quotes; `None` for a
    /// source it cites without quoting (a table, a section read as a whole). Checked against
    /// the texts by `eig-sources`' tests.
    ///
    /// # Example
    /// ```
    /// use eig_funding::RuleId;
    ///
    /// let source = &RuleId::PiaShareOfEmployerCost.sources()[0];
    /// let quote = RuleId::PiaShareOfEmployerCost.quote(source).unwrap();
    /// assert!(quote.contains("70% du coût total employeur"));
    /// ```
    pub fn quote(self, source: &Source) -> Option<&'static str> {
        let cited = source.to_string();
        Some(match (self, cited.as_str()) {
            (RuleId::PiaPaysPay | RuleId::HostPaysRest, "AAC2 art. 2") => {
                "L’administration d’accueil établit un contrat de travail avec l’entrepreneur.e lauréat.e, comprenant la rémunération susmentionnée. Elle conventionne ensuite avec la Caisse des dépôts et consignations, afin que cette dernière opère le versement du montant correspondant à la rémunération de l’EIG via un fonds de concours."
            }
            (RuleId::PiaShareOfEmployerCost, "AAP3 §3.1.1") => {
                "Les administrations de l’Etat peuvent bénéficier du financement PIA. Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total employeur du recrutement de chaque EIG."
            }
            (RuleId::PiaShareOfEmployerCost, "AAP3 §3.1.2") => {
                "les autres administrations devront prévoir un financement alternatif (autofinancement par exemple), ou, pour bénéficier du financement PIA à hauteur de 70%, elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif"
            }
            (RuleId::PiaShareOfEmployerCost | RuleId::HostPaysRest, "AAP3 §5.2") => {
                "le financement des EIG est assuré à 70% par le PIA et à 30% par l’administration lauréate."
            }
            (RuleId::MonthsOfEmployerCost, "AAP4 §3.3") => {
                "le programme 352 accordera une subvention en crédits (titre 2) correspondant au coût total employeur de 4 mois (septembre-décembre 2020) d’une rémunération de 4 000€ nets par mois pour chaque EIG."
            }
            (RuleId::MonthsOfEmployerCost, "AAP5 §3.3") => {
                "le programme 352 versera des crédits de titre 2 correspondant au coût total employeur (salaire brut chargé) de 3 mois (1er octobre – 31 décembre 2021) d’une rémunération de 3 500€ ou 4 000€ nets par mois pour chaque EIG selon le niveau d’expérience."
            }
            (RuleId::FlatPerRecruitedTalent, "AAP6 §3.3") => {
                "le programme 352 versera des crédits de titre 2 d’un montant de 20.000 euros par EIG recruté, quel que soit le niveau d’expérience des profils retenus. Cela correspond au montant moyen constaté du co-financement des promotions antérieures du programme EIG."
            }
            (RuleId::FlatPerRecruitedTalent, "AAP6 annexe 3 art. 4") => {
                "après présentation d’un justificatif de recrutement des EIG par l’administration lauréate, un forfait de 20.000 euros de titre 2 par EIG est finançable par la DINUM."
            }
            (RuleId::FlatPerProlongedTalent, "AAC6+ §2.2") => {
                "le programme 352 versera des crédits de titre 2 d’un montant de 20 000 euros par EIG prolongé(e), quel que soit le niveau d’expérience des EIG concerné(e)s."
            }
            // EIG7: DINUM pays the whole pay, so the host's rest is nil.
            (RuleId::DinumPaysAll | RuleId::HostPaysRest, "REG7 §1.2") => {
                "Des agent(e)s contractuel(le)s de la DINUM financé(e)s en intégralité en crédit de titre 2 sur le programme budgétaire n° 352"
            }
            (RuleId::SelfFunded, "AAP3 §3.1.3") => {
                "l’administration candidate peut choisir de proposer un défi en assurant elle-même le financement du dispositif"
            }
            (RuleId::SelfFunded, "AAP4 §3.4") => {
                "Dans tous les cas, l’administration candidate peut choisir de proposer un défi en assurant elle-même le financement du dispositif, sans toutefois s’affranchir des autres critères du présent cahier des charges."
            }
            (RuleId::SelfFunded, "AAP5 §3.4" | "AAP6 §3.4") => {
                "Dans tous les cas, l’administration candidate peut choisir de proposer un projet en assurant elle-même le financement du dispositif, sans toutefois s’affranchir des autres critères du présent cahier des charges."
            }
            (RuleId::ReferenceCostEstimate, "ING « Postes de dépenses »") => {
                "En moyenne, le coût total employeur pour un EIG rémunéré 4000€ nets par mois pendant 10 mois s'élève à 70 000€ (soit trois fois moins cher qu'un prestataire pour la même période)."
            }
            // EIG1–EIG2: the PIA pays the whole pay, so the host's rest is nil.
            (RuleId::PiaPaysPay | RuleId::HostPaysRest, "ING « Modes de financement »") => {
                "Ce financement a financé intégralement les salaires des EIG et le budget de fonctionnement du programme pendant les 2 premières promotions."
            }

            (RuleId::AlternativeFunding, "AAP3 §3.1.2") => {
                "les autres administrations devront prévoir un financement alternatif (autofinancement par exemple)"
            }
            (RuleId::AlternativeFunding, "AAP4 §3.2" | "AAP5 §3.2" | "AAP6 §3.2") => {
                "Les autres administrations devront prévoir un financement alternatif (autofinancement, par exemple)"
            }
            (RuleId::HostPaysRest, "AAP4 §4.2") => {
                "Les administrations s’engagent à assurer financièrement la rémunération des EIG, minorée de la subvention reçue de la part de la DINUM pour les administrations cofinancées."
            }
            (RuleId::HostPaysRest, "AAP5 §4.2.1" | "AAP6 §4.2.1") => {
                "Les administrations s’engagent à assurer financièrement la rémunération des EIG, minorée du cofinancement reçu de la part de la DINUM."
            }
            (RuleId::UnusedFlatNotRefunded, "AAP6 annexe 3 art. 4") => {
                "Les sommes versées qui n’auront pas été utilisées dans le cadre du projet (dans l’éventualité d’une démission d’un EIG par exemple) ne seront pas directement restituées à la DINUM l’année du versement. En revanche, si l’administration lauréate est de nouveau sélectionnée dans le cadre de la promotion EIG de l’année suivante, le nouveau transfert pourra être minoré à hauteur du trop-perçu."
            }
            (RuleId::Envelope, "AAP3 §1") => {
                "L’ensemble du dispositif sera financé à hauteur de 1,5 millions d’euros maximum par le PIA."
            }
            (RuleId::Envelope, "AAP4 §1") => {
                "une promotion unique EIG 4 … cofinancée à hauteur de 1,5M€ par le programme budgétaire 352"
            }
            (RuleId::TransferAfterCdcConvention, "AAC2 art. 2") => {
                "Elle conventionne ensuite avec la Caisse des dépôts et consignations, afin que cette dernière opère le versement du montant correspondant à la rémunération de l’EIG via un fonds de concours."
            }
            (RuleId::TransferAfterDocumentsToCdc, "AAP3 §5.2") => {
                "Le versement des fonds est réalisé après transmission par l’administration à la CDC de la convention signée et de la simulation financière définitive pour chaque EIG."
            }
            (RuleId::TransferOnDecreePublication, "AAP4 §3.3") => {
                "Le projet de décret de transfert sera déposé par la DINUM au cours du mois d’octobre 2020, pour une publication du décret en novembre 2020. Les crédits seront alors transférés à l’administration lauréate dès publication du décret."
            }
            (RuleId::TransferOnDecreePublication, "AAP5 §3.3") => {
                "Le projet de décret de transfert sera déposé par la DINUM au plus tard au cours du mois d’octobre 2021, pour une publication du décret en novembre 2021. Les crédits seront alors transférés à l’administration lauréate dès publication du décret."
            }
            (RuleId::TransferOnDecreePublication, "AAP6 §3.3") => {
                "Le projet de décret de transfert sera déposé par la DINUM au plus tard au cours du mois de septembre 2022, pour une publication du décret en novembre 2022. Les crédits seront alors transférés à l’administration lauréate dès publication du décret."
            }
            (RuleId::TransferOnDecreePublication, "AAC6+ §2.2") => {
                "Le projet de décret de transfert sera déposé par la DINUM au plus tard au cours du mois de septembre 2023, pour une publication du décret en novembre 2023. Les crédits seront alors transférés à l’administration lauréate dès publication du décret."
            }
            (
                RuleId::SingleTransferSecondSemester,
                "AAP6 annexe 3 art. 4" | "AAC6+ annexe 3 art. 4",
            ) => {
                "Le transfert des crédits par la DINUM se fera en une seule fois dans le cadre de la seconde campagne annuelle des transferts au second semestre."
            }
            _ => return None,
        })
    }

    /// The parameters the rule reads, in the order of [`ParameterId::ALL`](crate::ParameterId::ALL).
    ///
    /// # Example
    /// ```
    /// use eig_funding::{ParameterId, RuleId};
    ///
    /// assert_eq!(RuleId::PiaShareOfEmployerCost.parameters(), [ParameterId::PiaShare]);
    /// assert!(RuleId::SelfFunded.parameters().is_empty());
    /// ```
    pub fn parameters(self) -> &'static [crate::ParameterId] {
        use crate::ParameterId as P;
        match self {
            RuleId::PiaPaysPay | RuleId::PiaShareOfEmployerCost => &[P::PiaShare],
            RuleId::MonthsOfEmployerCost => &[P::SubsidisedMonths],
            RuleId::FlatPerRecruitedTalent => &[P::FlatPerRecruitedTalent],
            RuleId::FlatPerProlongedTalent => &[P::FlatPerProlongedTalent],
            RuleId::DinumPaysAll => &[P::DinumShare],
            RuleId::ReferenceCostEstimate => {
                &[P::ReferenceEmployerCost, P::ReferenceContractMonths, P::ReferenceNetMonthlyPay]
            }
            RuleId::Envelope => &[P::ProgrammeEnvelope],
            RuleId::HostPaysRest
            | RuleId::SelfFunded
            | RuleId::AlternativeFunding
            | RuleId::UnusedFlatNotRefunded
            | RuleId::TransferAfterCdcConvention
            | RuleId::TransferAfterDocumentsToCdc
            | RuleId::TransferOnDecreePublication
            | RuleId::SingleTransferSecondSemester => &[],
        }
    }

    /// Whether a plan of `promotion` can apply the rule: the promotion's formula (the PIA's
    /// pay for EIG1–EIG2, its 70 % for EIG3, months of cost for EIG4–EIG5, a flat amount for
    /// EIG6, DINUM's whole for EIG7; a flat amount per prolonged talent for EIG5 and EIG6),
    /// and the rules of every promotion that has a formula (the host's rest, self-funding,
    /// alternative funding, the reference cost, the envelope). DIG1 has no formula (error
    /// `NoRuleStated`): only self-funding and alternative funding apply.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_funding::RuleId;
    ///
    /// assert!(RuleId::PiaShareOfEmployerCost.applies_to(Promotion::Eig3));
    /// assert!(!RuleId::PiaShareOfEmployerCost.applies_to(Promotion::Eig4));
    /// assert!(RuleId::SelfFunded.applies_to(Promotion::Dig1));
    /// assert!(!RuleId::SelfFunded.applies_to(Promotion::Eig7)); // DINUM employs every EIG7 talent
    /// ```
    pub fn applies_to(self, promotion: Promotion) -> bool {
        use Promotion::{Dig1, Eig1, Eig2, Eig3, Eig4, Eig5, Eig6, Eig7};
        match self {
            RuleId::PiaPaysPay => matches!(promotion, Eig1 | Eig2),
            RuleId::PiaShareOfEmployerCost | RuleId::TransferAfterDocumentsToCdc => {
                promotion == Eig3
            }
            RuleId::MonthsOfEmployerCost => matches!(promotion, Eig4 | Eig5),
            RuleId::FlatPerRecruitedTalent => promotion == Eig6,
            RuleId::FlatPerProlongedTalent | RuleId::UnusedFlatNotRefunded => {
                matches!(promotion, Eig5 | Eig6)
            }
            RuleId::DinumPaysAll => promotion == Eig7,
            // Where the promotion opens the route: every promotion but EIG7, whose only route
            // is DINUM's employment (REG7 §1.2).
            RuleId::SelfFunded => {
                crate::routes::route_is_open(promotion, eig_domain::FundingRoute::SelfFunded)
            }
            RuleId::AlternativeFunding => crate::routes::route_is_open(
                promotion,
                eig_domain::FundingRoute::AlternativeFunding,
            ),
            RuleId::HostPaysRest | RuleId::ReferenceCostEstimate | RuleId::Envelope => {
                promotion != Dig1
            }
            RuleId::TransferAfterCdcConvention => promotion == Eig2,
            RuleId::TransferOnDecreePublication => matches!(promotion, Eig4 | Eig5 | Eig6),
            RuleId::SingleTransferSecondSemester => matches!(promotion, Eig5 | Eig6),
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<RuleId> for &'static str {
    fn from(rule: RuleId) -> &'static str {
        rule.as_str()
    }
}

impl RuleId {
    /// Every identifier `TryFrom<String>` accepts: the `enum` of the JSON Schema.
    #[cfg(feature = "schemars")]
    fn identifiers() -> Vec<&'static str> {
        RuleId::ALL.into_iter().map(RuleId::as_str).collect()
    }
}

impl TryFrom<String> for RuleId {
    type Error = String;

    fn try_from(value: String) -> Result<RuleId, String> {
        RuleId::ALL.into_iter().find(|rule| rule.as_str() == value).ok_or_else(|| {
            format!(
                "{} n'est pas une règle de financement : écrivez l'identifiant d'une règle, par ex. \
                     funding.pia_pays_pay (la liste est dans docs/rules/funding.md)",
                eig_domain::echo(&value)
            )
        })
    }
}
