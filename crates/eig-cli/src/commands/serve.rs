//! `eig serve`: the operations of eig-api's table over HTTP (crate eig-server), with the same
//! reading, the same messages and the same JSON Schemas as the other subcommands.

use std::{io::Write as _, net::SocketAddr, time::Duration};

use eig_server::Limits;

use crate::{cli::ServeArgs, error::CliError};

pub(crate) fn serve(args: &ServeArgs) -> Result<(), CliError> {
    let limits = Limits {
        body_limit: args.body_limit,
        timeout: Duration::from_secs(args.timeout),
        concurrency: args.concurrency,
        memory_budget: usize::try_from(args.memory_budget.saturating_mul(1024 * 1024))
            .unwrap_or(usize::MAX),
        max_nodes: args.max_nodes,
        grace: Duration::from_secs(args.grace),
    };
    let address = SocketAddr::new(args.bind, args.port);
    let cannot = |err: std::io::Error| CliError::Usage {
        message: format!(
            "impossible de servir sur {address} : {err} : choisissez une autre adresse ou un autre \
             port (--bind, --port)"
        ),
    };
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(cannot)?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(address).await.map_err(cannot)?;
        let bound = listener.local_addr().map_err(cannot)?;
        // Caught from now on: a signal sent once the address is printed stops the server
        // gracefully.
        let shutdown = eig_server::shutdown_signal();
        let _ = writeln!(
            std::io::stderr().lock(),
            "eig serve : http://{bound}/ (API : /v1, OpenAPI : /openapi.json ; Ctrl-C pour \
             arrêter)"
        );
        eig_server::serve(listener, eig_server::rules_api(), limits, shutdown).await.map_err(cannot)
    });
    // Every computation was told to stop when the grace period ended; a thread still on its
    // last step is not waited for: the process ends now.
    runtime.shutdown_timeout(Duration::from_millis(100));
    served?;
    let _ = writeln!(std::io::stderr().lock(), "eig serve : arrêté");
    Ok(())
}
