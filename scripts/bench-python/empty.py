# Start-up cost of the VM, subtracted from the other kernels' counts.
pass
