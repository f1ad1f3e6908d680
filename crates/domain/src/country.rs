//! Address rules per country: postal-code shapes, whether a region is required, and the region
//! list where one is fixed. Shapes are masks (`9` digit, `A` letter, other characters literal)
//! compared after removing spaces and upper-casing, so "75 008" and "sw1a 1aa" are accepted;
//! this keeps the wasm free of a regex engine.

pub struct CountryRules {
    pub code: &'static str,
    /// Accepted postal-code masks (without spaces); empty: any non-empty value.
    pub postal_masks: &'static [&'static str],
    /// An example shown to the user as a hint.
    pub postal_example: &'static str,
    pub region_required: bool,
    /// (code, name): when non-empty, the region must be one of these codes.
    pub regions: &'static [(&'static str, &'static str)],
}

const US_STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("PR", "Puerto Rico"),
    ("GU", "Guam"),
    ("VI", "U.S. Virgin Islands"),
    ("AS", "American Samoa"),
    ("MP", "Northern Mariana Islands"),
];

const CA_PROVINCES: &[(&str, &str)] = &[
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Québec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
];

const AU_STATES: &[(&str, &str)] = &[
    ("ACT", "Australian Capital Territory"),
    ("NSW", "New South Wales"),
    ("NT", "Northern Territory"),
    ("QLD", "Queensland"),
    ("SA", "South Australia"),
    ("TAS", "Tasmania"),
    ("VIC", "Victoria"),
    ("WA", "Western Australia"),
];

const IN_STATES: &[(&str, &str)] = &[
    ("AN", "Andaman and Nicobar Islands"),
    ("AP", "Andhra Pradesh"),
    ("AR", "Arunachal Pradesh"),
    ("AS", "Assam"),
    ("BR", "Bihar"),
    ("CH", "Chandigarh"),
    ("CT", "Chhattisgarh"),
    ("DH", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DL", "Delhi"),
    ("GA", "Goa"),
    ("GJ", "Gujarat"),
    ("HR", "Haryana"),
    ("HP", "Himachal Pradesh"),
    ("JK", "Jammu and Kashmir"),
    ("JH", "Jharkhand"),
    ("KA", "Karnataka"),
    ("KL", "Kerala"),
    ("LA", "Ladakh"),
    ("LD", "Lakshadweep"),
    ("MP", "Madhya Pradesh"),
    ("MH", "Maharashtra"),
    ("MN", "Manipur"),
    ("ML", "Meghalaya"),
    ("MZ", "Mizoram"),
    ("NL", "Nagaland"),
    ("OR", "Odisha"),
    ("PY", "Puducherry"),
    ("PB", "Punjab"),
    ("RJ", "Rajasthan"),
    ("SK", "Sikkim"),
    ("TN", "Tamil Nadu"),
    ("TG", "Telangana"),
    ("TR", "Tripura"),
    ("UP", "Uttar Pradesh"),
    ("UT", "Uttarakhand"),
    ("WB", "West Bengal"),
];

const BR_STATES: &[(&str, &str)] = &[
    ("AC", "Acre"),
    ("AL", "Alagoas"),
    ("AP", "Amapá"),
    ("AM", "Amazonas"),
    ("BA", "Bahia"),
    ("CE", "Ceará"),
    ("DF", "Distrito Federal"),
    ("ES", "Espírito Santo"),
    ("GO", "Goiás"),
    ("MA", "Maranhão"),
    ("MT", "Mato Grosso"),
    ("MS", "Mato Grosso do Sul"),
    ("MG", "Minas Gerais"),
    ("PA", "Pará"),
    ("PB", "Paraíba"),
    ("PR", "Paraná"),
    ("PE", "Pernambuco"),
    ("PI", "Piauí"),
    ("RJ", "Rio de Janeiro"),
    ("RN", "Rio Grande do Norte"),
    ("RS", "Rio Grande do Sul"),
    ("RO", "Rondônia"),
    ("RR", "Roraima"),
    ("SC", "Santa Catarina"),
    ("SP", "São Paulo"),
    ("SE", "Sergipe"),
    ("TO", "Tocantins"),
];

const fn rules(
    code: &'static str,
    postal_masks: &'static [&'static str],
    postal_example: &'static str,
    region_required: bool,
    regions: &'static [(&'static str, &'static str)],
) -> CountryRules {
    CountryRules {
        code,
        postal_masks,
        postal_example,
        region_required,
        regions,
    }
}

pub const COUNTRIES: &[CountryRules] = &[
    rules("FR", &["99999"], "75008", false, &[]),
    rules("US", &["99999", "99999-9999"], "98052", true, US_STATES),
    rules(
        "GB",
        &["A99AA", "A999AA", "AA99AA", "AA999AA", "A9A9AA", "AA9A9AA"],
        "SW1A 1AA",
        false,
        &[],
    ),
    rules("DE", &["99999"], "10115", false, &[]),
    rules("CA", &["A9A9A9"], "K1A 0B1", true, CA_PROVINCES),
    rules("BE", &["9999"], "1000", false, &[]),
    rules("CH", &["9999"], "8001", false, &[]),
    rules("ES", &["99999"], "28001", false, &[]),
    rules("IT", &["99999"], "00184", false, &[]),
    rules("NL", &["9999AA"], "1012 AB", false, &[]),
    rules("IN", &["999999"], "110001", true, IN_STATES),
    rules(
        "BR",
        &["99999-999", "99999999"],
        "01310-100",
        true,
        BR_STATES,
    ),
    rules("JP", &["999-9999", "9999999"], "100-0001", true, &[]),
    rules("AU", &["9999"], "2000", true, AU_STATES),
];

pub fn rules_for(code: &str) -> Option<&'static CountryRules> {
    COUNTRIES.iter().find(|c| c.code == code)
}

/// Upper-cased, spaces removed: the form postal codes are compared in.
pub fn normalise_postal_code(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn fits(mask: &str, value: &str) -> bool {
    mask.len() == value.len()
        && mask.chars().zip(value.chars()).all(|(m, v)| match m {
            '9' => v.is_ascii_digit(),
            'A' => v.is_ascii_uppercase(),
            literal => literal == v,
        })
}

impl CountryRules {
    pub fn postal_code_fits(&self, value: &str) -> bool {
        let value = normalise_postal_code(value);
        if self.postal_masks.is_empty() {
            return !value.is_empty();
        }
        self.postal_masks.iter().any(|mask| fits(mask, &value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_of_each_country() {
        let cases = [
            ("FR", "75008", true),
            ("FR", "7500", false),
            ("US", "98052-6399", true),
            ("US", "9805", false),
            ("GB", "sw1a 1aa", true),
            ("GB", "EC1A 1BB", true),
            ("GB", "M1 1AE", true),
            ("GB", "12345", false),
            ("DE", "10115", true),
            ("CA", "k1a 0b1", true),
            ("CA", "K1A0B", false),
            ("BE", "1000", true),
            ("CH", "80011", false),
            ("ES", "28001", true),
            ("IT", "00184", true),
            ("NL", "1012 ab", true),
            ("NL", "1012", false),
            ("IN", "110001", true),
            ("BR", "01310-100", true),
            ("BR", "01310-10", false),
            ("JP", "100-0001", true),
            ("AU", "2000", true),
            ("AU", "200", false),
        ];
        for (country, code, ok) in cases {
            assert_eq!(
                rules_for(country).unwrap().postal_code_fits(code),
                ok,
                "{country} {code}"
            );
        }
    }

    #[test]
    fn the_five_countries_with_lists_require_a_region() {
        for code in ["US", "CA", "AU", "IN", "BR"] {
            let rules = rules_for(code).unwrap();
            assert!(rules.region_required && !rules.regions.is_empty(), "{code}");
        }
        assert!(!rules_for("FR").unwrap().region_required);
        assert_eq!(COUNTRIES.len(), 14);
    }
}
