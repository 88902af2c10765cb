"""Writes the sandbox's system-call filter (a BPF program for bwrap --seccomp) to stdout.

Run on the host by the runner, once per process, with Debian's python3-seccomp; never inside the
sandbox and never with learner code. Default allow, with a deny list: the namespaces already hide
the network, the host's processes and files, so the filter removes the kernel surface a numerical
exercise never needs (new processes, ptrace, mounts, new namespaces, BPF, io_uring, keyrings,
modules) and makes a fork bomb fail at the first fork instead of relying on RLIMIT_NPROC (which
does not bind when the grader runs as root: the sandbox's uid maps to root outside).
"""

import errno
import os
import sys

import seccomp

CLONE_THREAD = 0x00010000
AF_UNIX = 1

DENIED = [
    # new processes (threads stay allowed: clone with CLONE_THREAD, below)
    "fork", "vfork",
    # other processes' memory and descriptors
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # mounts, namespaces, root changes
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
    "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    # kernel attack surface a NumPy exercise never needs
    "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter",
    "io_uring_register", "keyctl", "add_key", "request_key", "kexec_load", "kexec_file_load",
    "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff", "acct",
    "quotactl", "syslog", "iopl", "ioperm", "personality", "open_by_handle_at",
    "name_to_handle_at", "lookup_dcookie", "mknod", "mknodat", "clock_settime",
    "settimeofday", "adjtimex", "clock_adjtime", "fanotify_init", "socketpair",
]


def build() -> seccomp.SyscallFilter:
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    eperm = seccomp.ERRNO(errno.EPERM)
    for name in DENIED:
        try:
            f.add_rule(eperm, name)
        except (RuntimeError, ValueError):
            pass  # not a system call on this architecture
    # clone: only threads (a fork through clone lacks CLONE_THREAD)
    f.add_rule(eperm, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, 0))
    # clone3 passes its flags in memory the filter cannot read: ENOSYS makes glibc use clone
    f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    # sockets: none but AF_UNIX (the network namespace is empty anyway)
    f.add_rule(eperm, "socket", seccomp.Arg(0, seccomp.NE, AF_UNIX))
    return f


if __name__ == "__main__":
    build().export_bpf(sys.stdout.buffer)
    sys.stdout.flush()
    os._exit(0)
