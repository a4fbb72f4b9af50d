"""Writes a TypeScript file that assigns every shape's example, every operation's input example
and the service's answer to it to the type openapi-typescript generated for each
(`schema.d.ts`): `tsc --strict` then checks them against the generated types. Nothing is hand-listed: the operations
and the examples come from `/openapi.json`.

Usage: python3 typescript_examples.py BASE_URL > check.ts
"""

import json
import sys
import urllib.request

base = sys.argv[1]


def fetch(path):
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


document = fetch("/openapi.json")
print('import type { paths, components } from "./schema";')
print()
count = 0
for path, item in sorted(document["paths"].items()):
    get = item.get("get")
    if get and path.startswith("/v1/examples/"):
        name = get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        example = fetch(path)
        print(f'export const example{count}: components["schemas"]["{name}"] = {json.dumps(example)};')
        count += 1
    post = item.get("post")
    if post and "requestBody" in post:
        ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        examples = [p for p, i in document["paths"].items()
                    if p.startswith("/v1/examples/") and i["get"]["responses"]["200"]["content"]
                    ["application/json"]["schema"]["$ref"] == ref]
        body = fetch(examples[0])
        print(f'export const body{count}: paths["{path}"]["post"]["requestBody"]["content"]'
              f'["application/json"] = {json.dumps(body)};')
        request = urllib.request.Request(base + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            answer = json.load(response)
        print(f'export const answer{count}: paths["{path}"]["post"]["responses"]["200"]["content"]'
              f'["application/json"] = {json.dumps(answer)};')
        count += 1
print(f"// {count} examples", file=sys.stderr)
