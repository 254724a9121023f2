graph = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
def dfs(node, seen=None):
    seen = seen if seen is not None else []
    if node not in seen:
        seen.append(node)
        for n in graph[node]:
            dfs(n, seen)
    return seen
print(dfs("a"))
def bfs(start):
    order, queue = [], [start]
    while queue:
        n = queue.pop(0)
        if n in order:
            continue
        order.append(n)
        queue.extend(graph[n])
    return order
print(bfs("a"))
grid = [[0] * 4 for _ in range(3)]
grid[1][2] = 5
print(grid, sum(map(sum, grid)), [list(r) for r in zip(*grid)])
inventory = {"apples": {"count": 3, "tags": ["red"]}}
inventory["apples"]["tags"].append("fresh")
inventory.setdefault("pears", {"count": 0, "tags": []})["count"] += 2
print(inventory)
