#include "access/child_signals.hpp"

#include <signal.h>

#include <atomic>
#include <cassert>

namespace hopper::access {
namespace {

std::atomic<int> g_child{0};
std::atomic<int> g_stop_signal{0};
std::atomic<bool> g_installed{false};
constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];

static_assert(std::atomic<int>::is_always_lock_free, "signal handlers need lock-free atomics");

void forward(int signal_number) {
  g_stop_signal.store(signal_number);
  const int child = g_child.load();
  if (child > 0) ::kill(child, signal_number == SIGINT ? SIGINT : SIGTERM);
}

}  // namespace

ChildSignals::ChildSignals() {
  [[maybe_unused]] const bool was = g_installed.exchange(true);
  assert(!was && "one ChildSignals at a time");
  g_child.store(0);
  g_stop_signal.store(0);
  struct sigaction action {};
  action.sa_handler = forward;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int i = 0; i < 3; ++i) ::sigaction(k_signals[i], &action, &g_previous[i]);
}

ChildSignals::~ChildSignals() {
  for (int i = 0; i < 3; ++i) ::sigaction(k_signals[i], &g_previous[i], nullptr);
  g_child.store(0);
  g_installed.store(false);
}

void ChildSignals::set_child(int pid) {
  g_child.store(pid);
  if (pid > 0 && g_stop_signal.load() != 0) ::kill(pid, SIGTERM);
}

bool ChildSignals::stop_requested() const { return g_stop_signal.load() != 0; }

int ChildSignals::stop_signal() const { return g_stop_signal.load(); }

}  // namespace hopper::access
