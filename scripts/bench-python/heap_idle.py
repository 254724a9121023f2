# Heap use at idle: what the VM holds after start-up and a collection (board figure in bench).
import gc
gc.collect()
print(gc.mem_alloc(), gc.mem_free())
