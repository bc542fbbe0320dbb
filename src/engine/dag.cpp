#include "engine/dag.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace hopper::engine {

bool DagResult::all_ok() const {
  return std::all_of(outcomes.begin(), outcomes.end(), [](NodeOutcome o) { return o == NodeOutcome::ok; });
}

DagResult run_dag(const std::vector<std::vector<std::size_t>>& dependencies, int parallelism,
                  const std::function<util::Status(std::size_t)>& task) {
  const std::size_t n = dependencies.size();
  DagResult result;
  result.outcomes.assign(n, NodeOutcome::skipped);
  result.errors.assign(n, std::nullopt);
  if (n == 0) return result;

  std::vector<std::vector<std::size_t>> dependents(n);
  std::vector<std::size_t> waiting(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d : dependencies[i]) {
      dependents[d].push_back(i);
      ++waiting[i];
    }
  }

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::size_t> ready;
  std::vector<bool> done(n, false);
  std::size_t finished = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (waiting[i] == 0) ready.push_back(i);
  }

  // Marks `node` and everything that depends on it (transitively) as finished-by-skip.
  std::function<void(std::size_t)> skip = [&](std::size_t node) {
    for (std::size_t d : dependents[node]) {
      if (done[d]) continue;
      done[d] = true;
      ++finished;
      result.outcomes[d] = NodeOutcome::skipped;
      skip(d);
    }
  };

  const auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return !ready.empty() || finished == n; });
      if (finished == n) return;
      const std::size_t node = ready.front();
      ready.pop_front();
      lock.unlock();
      util::Status status = task(node);
      lock.lock();
      done[node] = true;
      ++finished;
      if (status.ok()) {
        result.outcomes[node] = NodeOutcome::ok;
        for (std::size_t d : dependents[node]) {
          if (!done[d] && --waiting[d] == 0) ready.push_back(d);
        }
      } else {
        result.outcomes[node] = NodeOutcome::failed;
        result.errors[node] = std::move(status).error();
        skip(node);
      }
      changed.notify_all();
    }
  };

  const int threads = std::max(1, std::min<int>(parallelism, static_cast<int>(n)));
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& thread : pool) thread.join();
  return result;
}

TopoResult topological_order(const std::vector<std::vector<std::size_t>>& dependencies) {
  const std::size_t n = dependencies.size();
  TopoResult out;
  // 0 = unvisited, 1 = on the current path, 2 = finished.
  std::vector<int> mark(n, 0);
  std::vector<std::size_t> path;
  std::function<bool(std::size_t)> visit = [&](std::size_t node) {
    if (mark[node] == 2) return true;
    if (mark[node] == 1) {
      const auto start = std::find(path.begin(), path.end(), node);
      out.cycle.assign(start, path.end());
      return false;
    }
    mark[node] = 1;
    path.push_back(node);
    for (std::size_t d : dependencies[node]) {
      if (!visit(d)) return false;
    }
    path.pop_back();
    mark[node] = 2;
    out.order.push_back(node);
    return true;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!visit(i)) {
      out.order.clear();
      return out;
    }
  }
  return out;
}

}  // namespace hopper::engine
