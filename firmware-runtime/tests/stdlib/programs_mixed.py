# small programs of the kind people write, using several of the modules together
import bisect
import copy
import heapq
import io
import json
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple
from typing import *


# Dijkstra with heapq over a dict graph
def dijkstra(graph: Dict[str, List[Tuple[str, int]]], start: str) -> Dict[str, int]:
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist


g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": []}
print(sorted(dijkstra(g, "A").items()))


@dataclass
class Item:
    name: str
    price: float
    tags: List[str] = field(default_factory=list)
    parent: Optional["Item"] = None


items = [Item("b", 2.5, ["x"]), Item("a", 1.0), Item("c", 9.99, ["y", "z"])]
payload = json.dumps([{"name": i.name, "price": i.price, "tags": i.tags} for i in items], indent=2)
print(payload)
back = [Item(**d) for d in json.loads(payload)]
print(back == items, back[2])
snapshot = copy.deepcopy(items)
items[0].tags.append("changed")
print(snapshot[0].tags, items[0].tags, snapshot[0] == items[0])

# top-k and a running median with bisect
scores = [88, 92, 75, 92, 60, 99, 81]
print(heapq.nlargest(3, scores), heapq.nsmallest(2, enumerate(scores), key=lambda p: p[1]))
window: List[int] = []
medians = []
for s in scores:
    bisect.insort(window, s)
    n = len(window)
    medians.append(window[n // 2] if n % 2 else (window[n // 2 - 1] + window[n // 2]) / 2)
print(medians)

# a report written to a StringIO, then parsed back
report = io.StringIO()
for i in items:
    print(f"{i.name:>4} {i.price:8.2f} {','.join(i.tags) or '-'}", file=report)
print(report.getvalue(), end="")
totals = sum(float(line.split()[1]) for line in io.StringIO(report.getvalue()))
print(round(totals, 2))

# config merging with deepcopy and json
defaults = {"server": {"host": "localhost", "ports": [80, 443]}, "debug": False}
user = json.loads('{"server": {"ports": [8080]}, "debug": true}')


def merge(a: dict, b: dict) -> dict:
    out = copy.deepcopy(a)
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


cfg = merge(defaults, user)
print(json.dumps(cfg, sort_keys=True), defaults["server"]["ports"])
print(json.dumps(cfg, sort_keys=True, indent=1, separators=(",", ": ")))
