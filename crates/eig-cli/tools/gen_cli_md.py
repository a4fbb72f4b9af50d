#!/usr/bin/env python3
"""Writes docs/cli.md from real runs of the release `eig` binary.

Run from the repository root after `cargo build --release -p eig-cli`:
    python3 crates/eig-cli/tools/gen_cli_md.py
(with `EIG=$CARGO_TARGET_DIR/release/eig` when the build goes elsewhere). The bad-input table
is copied from the snapshot of the test `bad_inputs`, which checks that the page shows it.
The test `docs_cli_md_is_true` (crates/eig-cli/tests/it/main.rs) checks that every command
shown in docs/cli.md still prints what the page says.
"""
import os
import subprocess

# The release binary; EIG names another (e.g. under a CARGO_TARGET_DIR elsewhere).
E = os.environ.get('EIG', './target/release/eig')


def example(kind):
    return subprocess.run([E, 'example', kind], capture_output=True, text=True, check=True).stdout


def block(command, args, stdin=None, lines=None):
    """A ```text block: the command line, then its output (cut after `lines` lines)."""
    p = subprocess.run([E] + args, input=stdin, capture_output=True, text=True)
    out = p.stdout if p.returncode == 0 else p.stderr
    shown = out.rstrip('\n').split('\n')
    if lines and len(shown) > lines:
        shown = shown[:lines] + [f'… ({len(out.splitlines()) - lines} more lines)']
    if p.returncode != 0:
        shown.append(f'(exit {p.returncode})')
    return '```text\n$ ' + command + '\n' + '\n'.join(shown) + '\n```\n'


doc = ['''# The `eig` command

`eig` runs a whole call of the programme — dossier eligibility, laureate selection, funding plan
against the envelope, talent assignment, verification — on an embedded default or on your JSON,
and each library on its own. It is a thin layer: every decision is made by the library crates.

```sh
cargo install --path crates/eig-cli     # installs `eig`
cargo run --release -p eig-cli -- run   # or run it from the repository
```

Exit codes: **0** success · **1** unreadable or invalid input (the message names the file, the
JSON path and, for syntax errors, the line and column, and says what to write instead: see
[Bad input](#bad-input)) · **2** usage error (an unknown option or value, no
input file while standard input is a terminal, two inputs on standard input) · **3** the output
could not be written · **4** the result was written, but some records of the input could not be
judged (an EIG1 dossier, conflicting funding declarations…): every other record is decided, and
each record not judged is named on standard error and in the result · **5** the rules cannot
judge this state (a promotion without published rules, a route the promotion does not open).
Every error has a stable code ([docs/errors.md](errors.md)). Nothing is written anywhere but standard output and standard error unless `--output`
is given. `--format json` prints compact JSON, one line (what programs read, and half the size);
add `--pretty` for indented JSON to read; either way the output is written while it is
serialized, never held whole in memory. Every output below is real, produced by the command shown (long outputs are cut);
the test `docs_cli_md_is_true` checks it, and `crates/eig-cli/tools/gen_cli_md.py` rewrites
this page.
''']
doc.append('## `eig --help`\n\n' + block('eig --help', ['--help']))
doc.append('''## `eig run` — a whole call

Without a file, the embedded default campaign: the 2018 call (EIG3) with its **real 15
laureate défis** from the embedded history, six **synthetic** dossiers that exercise the rules
(a collectivité and a hospital without convention, an operator without porteur administratif, a
self-funded défi, a dossier received at 17:00:30 Paris time, a purely IT « outillage » défi), and
170 **synthetic** candidates (RAPPORT p. 14 counts 170 applications) with seeded choices (≤ 2,
AAC3) and seeded jury rankings. Every synthetic record and every assumption is labelled (the
report's « Hypothèses » section; `synthetic`, `note` and `assumptions` in the JSON). It runs in a
few milliseconds.

The report opens with a summary that fits in one screen — dossiers received, eligible and
laureate, the envelope used and left, the teams formed, the candidates assigned and those not,
counted by reason — then one section per step, then the assumptions. `--verbose` lists every
candidate not assigned with the reason for each of their choices (ranks count the jury's tie
groups: two candidates tied first are both « rang 1 », the next is « rang 2 »).

`eig run --format json` prints the whole result (amounts as strings, byte-identical across
runs); `eig run campaign.json` runs your own campaign (`eig example campaign` prints the
default one as a starting point, `eig schema campaign` its JSON Schema; `-` reads standard
input). The former spelling `eig run --input campaign.json` still works and says on standard
error that it is deprecated.

''' + block('eig run', ['run'], lines=60))
doc.append('''## `eig eligibility` — dossiers and applications

Reads `{"dossiers": [DefiDossier…], "candidates": [CandidateApplication…]}` (see `eig example
eligibility`); prints one line per decision, or with `--format json` each decision with its
full trace (rule ids, facts, parameters, sources) — by default for a batch of at most 5 000
records (dossiers and applications together; an EIG call has a few hundred), at any size with
`--trace` (or `--trace=always`), never with `--trace=never`. Without its trace a decision keeps
its `promotion`, `subject` and `outcome`: at 100 000 dossiers the result is 26 MB instead of
449 MB (4.5 KB of trace a dossier), and the whole process takes 0.5 s instead of 1.3–1.5 s (docs/performance.md). Every record is decided on its own: one that
cannot be judged (a promotion without published rules, conflicting funding declarations) gets
`{"subject": …, "error": "…"}` in its place (« non jugé » in the text), the others are decided,
and the exit code is 4. `eig run` does the same for a campaign's dossiers and applications.

''' + block('eig example eligibility | eig eligibility', ['eligibility'], example('eligibility')))
doc.append('''## `eig explain` — one decision in French

Reads `{"dossier": …}` or `{"candidate": …}` and prints the explanation CRPA art. R. 311-3-1-2
asks an administration to give about an algorithmic decision: the contribution of the
processing, the data and their sources, the parameters applied, the operations performed.
`--format json` prints the decision itself (outcome, trace, sources).

''' + block('eig example explain | eig explain', ['explain'], example('explain'), lines=40))
doc.append('''## `eig funding` — a funding plan

Reads a promotion's défis, their funding routes and talents (see `eig example funding`); prints
the plan in French (or JSON): each payer per talent with its formula, rule and source, défi
totals, a monthly schedule, promotion totals against the envelope, and the parameters used.
`--scenario FILE` overrides parameters (`eig example scenario`: a 60 % PIA share) and the plan
says which values were overridden.

''' + block('eig example funding | eig funding', ['funding'], example('funding'), lines=45))
doc.append('''## `eig match` — assignment

Reads a matching problem (défis with seats per profile, candidates with ordered choices, the
juries' rankings per défi and profile; see `eig example match`, a seeded EIG-size instance).
Candidate-proposing deferred acceptance by default (`--hosts-propose` for the host-optimal
variant), withdrawal of défis below their minimum (`--exact` for the exact lower-quota mode),
ties broken by a seeded lottery (`--seed`), optional offers of unfilled seats (`--offers`).
Every result is checked by the independent verifier before it is printed. On a terminal, a
progress bar shows the stages on standard error; piped, nothing is shown.

Explanations (why each candidate got their défi or none, choice by choice, and each défi's seats
and cutoffs) are given by default for a problem of at most 5 000 candidates — an EIG call has a
few hundred, and explaining it costs well under a millisecond — and not above, where they would
be most of the output (17 times the assignment's size in JSON at 100 000 candidates, 48 MB
against 2.8 MB) and of the time. `--explain` (or `--explain=always`) gives them at any size,
`--explain=never` never: then the JSON has the `report` alone (no `explanations` field) and the
text one line per candidate and per défi.

''' + block('eig example match | eig match --seed 7', ['match', '--seed', '7'], example('match'), lines=25)
+ block('eig example match | eig match --seed 7 --explain=never', ['match', '--seed', '7', '--explain=never'], example('match'), lines=12))
doc.append('''## `eig test` — rule tests anyone can write

Reads case files of the public format (JSON, or YAML with comments; `eig schema case`, and
[`docs/testing.md`](testing.md) for how to write one): each case says what it checks, the
sentence it tests, one input and the expected result (partial). Prints one line per case, and
under a failure the differing fields, the failing rule's trace entry and its source; ends
with `N réussis, M en échec` (the summary, in French); exit code 0 only when every case passes. In a directory, only the
case files are read — those that declare the format (`format: eig-case/1`) or hold cases (an
object with its `expected`) — and each other `.json`, `.yaml` or `.yml` file is named
(`ignoré`) before the summary, which counts them: `eig test crates` runs the crates' cases and
passes over their data. A file named on the command line is always read. `--filter` keeps the
cases whose title contains a text or that cover a rule id starting with it; `--format json` and
`--junit FILE` (JUnit XML: a failure holds that case's differences only) for CI dashboards.

''' + block('eig example case | eig test -', ['test', '-'], example('case')))
doc.append('## `eig history` — the official figures\n\n' + block('eig history --promotion EIG3', ['history', '--promotion', 'EIG3']))
doc.append('''## Every other operation: one subcommand each

The operations of the table of `eig-api` that have no options of their own are subcommands
derived from it: each reads its body from FICHIER or standard input (`eig example <kind>` gives
one, `eig schema <kind>` its shape), takes the operation's parameters as options, prints its
answer in French or, with `--format json`, exactly what `POST /v1/...` answers
([docs/server.md](server.md)). Errors carry the codes of [docs/errors.md](errors.md); a state
the rules cannot judge exits with 5.

''' + block('eig example jury | eig selection', ['selection'], example('jury'))
+ block('eig example scores | eig rankings', ['rankings'], example('scores'), lines=12)
+ block('eig example eig7-terms | eig eig7-terms', ['eig7-terms'], example('eig7-terms'))
+ block('eig example eig7-cap | eig eig7-cap', ['eig7-cap'], example('eig7-cap'))
+ block('eig example prolongation | eig prolongation', ['prolongation'], example('prolongation'), lines=8)
+ block('eig example ami5bis | eig ami5bis', ['ami5bis'], example('ami5bis'), lines=4)
+ block('eig parameters --on 2018-06-15', ['parameters', '--on', '2018-06-15'], lines=6)
+ block('eig parameters --on 15/06/2018', ['parameters', '--on', '15/06/2018']))
doc.append('''## `eig schema <kind>` and `eig example <kind>`

The JSON Schema (draft 2020-12, derived with schemars from the very types the command reads and
writes) of every input and output, and a valid example of each (for outputs: what the command
prints on the example input).

''' + block('eig schema --help', ['schema', '--help']))
doc.append('''## Languages

**One language for everything a person reads: French.** The programme's audience is French
administrations, so the command speaks French everywhere: the `eig run` report, the lines of
`eig eligibility`, `eig explain`, the plan of `eig funding`, the explanations of `eig match`,
the tables of `eig history`, the lines of `eig test`, `--help` (clap's own headings, options,
default and possible values included), usage errors, and every error message on standard
error (`erreur : …`, `remarque : …`) — those of the command and those of the library crates,
which are French too. Profiles, host kinds, funding routes and payers are shown by their
French names (`docs/glossary.md`: « data scientist », « développeur·se », « collectivité
territoriale », « cofinancement direct »), never by a name from the code, and counts agree in
number (« 1 place », « 2 places »). serde's messages about a document's shape (an unknown
field, a missing one, a wrong type) are put into French and into JSON's words by
`eig_domain::french_serde_message`, the same way in every program of the workspace. A few
details come from the system or from the YAML reader in their own words and are shown in
parentheses after the French sentence (an unusual system error, the detail of a YAML syntax
error). No English mode is built.

What stays in English, and is not read as prose: the names a program writes — JSON field
names and values (`submitted_at`, `self_funded`), subcommand and option names (`eig run
--format json`), the value names of enumerations, and the stable error codes (`code()`) that
programs match on instead of message texts.

## Empty input

Everywhere the same way: **an empty input (no bytes, or only white space) is refused** with
exit code 1 and « l'entrée est vide »; **an empty list inside a valid document is a valid,
empty result** — `eig eligibility` on `{}` decides nothing, `eig funding` on a promotion
without défis prints a plan of 0,00 €, `eig match` on a problem without candidates assigns
nobody, `eig test` on a file whose `cases` is `[]` passes 0 cases. An array where a document
(a JSON object) is expected is refused at `$` in every command (`["EIG3", []]` is not read as
a funding input), and `eig test` on a directory without case files is refused (naming the
files it passed over).

## Bad input

One message per bad input, on standard error: it names the input (the file, or `<entrée standard>`), the
place (the JSON path `$.defis[0].talents[0].employer_cost.contract`, or the line and column of
a syntax error, or the option) and what to write instead; a value longer than 80 characters is
shown by its first 60 and its length. A UTF-8 byte order mark at the start of a file is
skipped. Nothing panics. Three of them, run:

''' + block('eig run /nonexistent/campaign.json', ['run', '/nonexistent/campaign.json'])
           + block("echo '{\"dossiers\": [}' | eig eligibility", ['eligibility'], '{"dossiers": [}\n')
           + block('eig run --format yaml', ['run', '--format', 'yaml']))
snapshot = open('crates/eig-cli/tests/it/snapshots/it__bad_inputs.snap').read()
table = snapshot.split('\n---\n', 1)[1]
doc.append('''The test `bad_inputs` (crates/eig-cli/tests/it/main.rs) runs each of the following and
checks its exit code, that its message names a place and says what to do, and that nothing
panicked; this table is its snapshot (`DIR`: a temporary directory).

''' + table)
open('docs/cli.md', 'w').write('\n'.join(doc))
