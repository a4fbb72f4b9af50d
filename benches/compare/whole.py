"""The Python side of the whole-process comparison (issue 14): what a user of the `matching`
library runs to get the assignment of an `eig match` input, from the file to the file.

    whole.py <instance.json> <assignment.json>

Reads the instance (a `MatchingInput`, as `eig match` reads it), builds the same
hospitals/residents game as `compare.py` (`hr_dictionaries`), solves it resident-optimal and
writes the assignment as `{"candidate": "défi"}`. Timed from the outside (hyperfine), as a
whole process: interpreter start, imports, reading, building, solving, writing.
"""

import json
import sys
import threading

from matching.games import HospitalResident

from compare import SEP, hr_dictionaries

# As in compare.py: the library recurses once per player on some paths.
sys.setrecursionlimit(1_000_000)
threading.stack_size(1024 * 1024 * 1024)


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source) as f:
        instance = json.load(f)
    if instance["limits"]["team_min"] != 0:
        sys.exit("lower quotas: the Python library has none")
    residents, hospitals, capacities = hr_dictionaries(instance)
    game = HospitalResident.create_from_dictionaries(residents, hospitals, capacities)
    solved = game.solve(optimal="resident")
    assignment = {
        str(resident.name): str(hospital.name).split(SEP)[0]
        for hospital, members in solved.items()
        for resident in members
    }
    with open(target, "w") as f:
        json.dump(assignment, f)


if __name__ == "__main__":
    outcome = {}

    def target():
        try:
            main()
        except SystemExit as e:
            outcome["exit"] = e.code
        except BaseException as e:  # noqa: BLE001 - reported, then the process fails
            outcome["exit"] = f"error: {e!r}"

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if outcome.get("exit") not in (None, 0):
        sys.exit(outcome["exit"])
