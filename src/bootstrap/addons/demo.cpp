#include "bootstrap/addons/demo.hpp"

namespace hopper::bootstrap {

std::string demo_manifest() {
  std::string out = R"(# hopper: the demo app (kubectl get service demo shows its load balancer's name)
apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo
  namespace: default
  labels:
    app: demo
spec:
  replicas: 2
  selector:
    matchLabels:
      app: demo
  template:
    metadata:
      labels:
        app: demo
    spec:
      containers:
      - name: web
)";
  out += "        image: " + std::string(k_demo_image) + "\n";
  out += R"(        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 50m
            memory: 32Mi
---
apiVersion: v1
kind: Service
metadata:
  name: demo
  namespace: default
spec:
  type: LoadBalancer
  selector:
    app: demo
  ports:
  - port: 80
    targetPort: 80
    protocol: TCP
)";
  return out;
}

}  // namespace hopper::bootstrap
