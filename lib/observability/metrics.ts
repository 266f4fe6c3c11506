import { Histogram, Registry, collectDefaultMetrics } from "prom-client";

interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
}

const globalForMetrics = globalThis as unknown as { dealflowMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "dealflow" });
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Duration of HTTP requests handled by route handlers and server actions",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}

export function metrics(): Metrics {
  return (globalForMetrics.dealflowMetrics ??= createMetrics());
}

export function observeRequest(route: string, method: string, status: number, seconds: number) {
  metrics().httpRequestDuration.labels(route, method, String(status)).observe(seconds);
}
