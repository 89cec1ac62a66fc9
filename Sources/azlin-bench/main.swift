print("azlin-bench: no benchmarks yet")
