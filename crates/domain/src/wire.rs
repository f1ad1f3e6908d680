//! Enums whose values travel as fixed strings (`"action_required"`): one definition gives the
//! variants, their wire names (`as_str`, serde) and the way back (`from_key`).

/// `wire_enum! { /// doc \n pub enum Name { Variant = "wire", … } }`
#[macro_export]
macro_rules! wire_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            pub const ALL: &[$name] = &[$(Self::$variant,)+];

            /// The wire name, as in docs/API.md and the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)+
                }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str() == key)
            }
        }

        /// Tests compare values with their wire names.
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::wire_enum! {
        /// A test enum.
        pub enum Example {
            One = "one",
            /// Documented.
            TwoWords = "two_words",
        }
    }

    #[test]
    fn wire_names_round_trip() {
        for value in Example::ALL {
            assert_eq!(serde_json::to_value(value).unwrap(), value.as_str());
            assert_eq!(Example::from_key(value.as_str()), Some(*value));
        }
        assert_eq!(Example::TwoWords.as_str(), "two_words");
        assert_eq!(Example::from_key("three"), None);
    }
}
