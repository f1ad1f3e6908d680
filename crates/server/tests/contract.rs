//! The contract suite (`crates/contract`) against partner-server over real HTTP, on a temporary
//! database.

mod common;

use common::{start_with, Client, Running};
use partner_contract::Target;

struct Server(Running);

impl Target for Server {
    type Client = Client;

    async fn start(vetting_delay_s: u32) -> Self {
        Server(start_with(true, u64::from(vetting_delay_s)).await)
    }

    fn client(&self) -> Client {
        self.0.client()
    }
}

partner_contract::contract_scenarios!(tokio::test, Server);
