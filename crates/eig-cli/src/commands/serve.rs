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
    runtime.block_on(async {
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
    })?;
    let _ = writeln!(std::io::stderr().lock(), "eig serve : arrêté");
    Ok(())
}
