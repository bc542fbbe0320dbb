// Forwarding the signals that stop hopper to the program it runs (ssh), so that Ctrl-C, a
// `kill` or a closed terminal end the child and let hopper clean up and exit by itself.
//
// While a ChildSignals lives, SIGINT, SIGTERM and SIGHUP are caught (handlers, not SIG_IGN: a
// handler is reset at exec, an ignored signal would stay ignored in ssh) and sent on to the child
// registered with set_child(); stop_requested() tells the caller to stop. The previous handlers
// come back when it goes.
//
// Thread-safety: one instance at a time per process; set_child() and stop_requested() may be
// called from any thread.
#pragma once

namespace hopper::access {

class ChildSignals {
 public:
  ChildSignals();
  ~ChildSignals();
  ChildSignals(const ChildSignals&) = delete;
  ChildSignals& operator=(const ChildSignals&) = delete;

  // The child to forward to (0: none). When a stop was asked before the child was known, the
  // child is sent SIGTERM at once.
  void set_child(int pid);
  // True once SIGINT, SIGTERM or SIGHUP arrived.
  bool stop_requested() const;
  // The signal that asked to stop, 0 if none.
  int stop_signal() const;
};

}  // namespace hopper::access
