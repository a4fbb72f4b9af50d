//! Running an operation from Python: the computation runs without the interpreter's lock, so
//! that other Python threads go on; an operation that searches (`Operation::searches`) runs on
//! a thread of its own while the caller's thread watches its deadline and Python's signals, so
//! that Ctrl-C in a notebook stops a runaway exact search.

use std::{
    collections::BTreeMap,
    sync::{
        atomic::{AtomicBool, Ordering},
        mpsc,
    },
    time::{Duration, Instant},
};

use eig_api::{ApiError, Operation, Request, Surface};
use pyo3::prelude::*;

/// How often the caller's thread looks at Python's signals while a search runs.
const TICK: Duration = Duration::from_millis(20);

/// Runs `op` on `body` and `query` with `answer` (its JSON, or its French text); a search
/// stops at `timeout` (answering `interrupted`) or at a signal (raising what its handler
/// raises: `KeyboardInterrupt` for Ctrl-C).
///
/// # Errors
/// The outer error is Python's (a signal); the inner one is the operation's.
pub(crate) fn answer<T: Send>(
    py: Python<'_>,
    op: &'static Operation,
    body: &str,
    query: &BTreeMap<String, String>,
    timeout: Option<Duration>,
    answer: fn(&Operation, &Request<'_>) -> Result<T, ApiError>,
) -> PyResult<Result<T, ApiError>> {
    if !op.searches {
        // Linear in its body: it ends on its own, without a thread to start.
        return Ok(py.detach(|| answer(op, &Request::new(body, query, Surface::Command))));
    }
    #[expect(
        clippy::disallowed_methods,
        reason = "a binding's deadline is the caller's wall clock; the rules never read it"
    )]
    let deadline = timeout.map(|timeout| Instant::now() + timeout);
    let stop = AtomicBool::new(timeout == Some(Duration::ZERO));
    std::thread::scope(|scope| {
        let (sender, answers) = mpsc::sync_channel(1);
        let stop = &stop;
        scope.spawn(move || {
            let request = Request::new(body, query, Surface::Command).interruptible(stop);
            // The receiver outlives the thread (the scope waits for it): sending cannot fail.
            let _ = sender.send(answer(op, &request));
        });
        let mut answers = answers;
        loop {
            let tick = match deadline {
                #[expect(clippy::disallowed_methods, reason = "as above: the caller's deadline")]
                Some(deadline) => deadline.saturating_duration_since(Instant::now()).min(TICK),
                None => TICK,
            };
            // The receiving end goes with the wait and comes back (it may not be shared).
            let (answer, back) = py.detach(move || {
                (answers.recv_timeout(tick.max(Duration::from_millis(1))), answers)
            });
            answers = back;
            match answer {
                Ok(result) => return Ok(result),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Ok(Err(ApiError::new(
                        eig_api::ErrorKind::Unjudgeable,
                        "internal",
                        "le calcul s'est arrêté sans réponse (une erreur du programme)",
                    )));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            if let Err(signal) = py.check_signals() {
                // Stopped, then waited for: the scope ends with the thread.
                stop.store(true, Ordering::Relaxed);
                return Err(signal);
            }
            #[expect(clippy::disallowed_methods, reason = "as above: the caller's deadline")]
            if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                stop.store(true, Ordering::Relaxed);
            }
        }
    })
}
