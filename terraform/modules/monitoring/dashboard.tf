# The nine panels of the operations guide, in its order, three to a row. Every entry of a widget's
# `metrics` is one array (namespace, name, dimension pairs, options) or one expression: lists of
# them are joined with concat(..., not flatten, which would also flatten each array.
data "aws_region" "current" {}

locals {
  # Dimensions as a widget wants them: name, value, name, value...
  dim_pairs = flatten([for k, v in local.dims : [k, v]])
  # One application metric (names: see local.cw in alarms.tf) with extra dimensions and options.
  app_metric = {
    for k, name in {
      created      = "orderflow.orders.create.latency.count"
      written      = "orderflow.events.written.count"
      write_p95    = "orderflow.events.write.latency.percentile.value"
      read_p95     = "orderflow.events.read.latency.percentile.value"
      pub_p95      = "orderflow.events.publication.latency.percentile.value"
      pub_failures = "orderflow.events.publication.failures.count"
      persistence  = "orderflow.events.persistence.failures.count"
      stale        = "orderflow.snapshots.stale.count"
      load_avg     = "orderflow.orders.load.latency.avg"
      load_p95     = "orderflow.orders.load.latency.percentile.value"
      lookups      = "orderflow.snapshots.lookups.count"
      processing   = "orderflow.events.processing.failures.count"
    } : k => concat([local.ns, name], local.dim_pairs)
  }
  # SEARCH over every value of the given tags, summed: meters whose tag values the dashboard
  # cannot list (transitions from/to, failures by operation/reason).
  search_sum = { for k, v in {
    transitions = { name = "orderflow.orders.transition.latency.count", tags = ["from", "to"] }
    failures    = { name = "orderflow.orders.failures.count", tags = ["operation", "reason"] }
    } : k => "SUM(SEARCH('{${join(",", concat([local.ns], v.tags, keys(local.dims)))}} MetricName=\"${v.name}\"${join("", [for dk, dv in local.dims : " ${dk}=\"${dv}\""])}', 'Sum', 60))"
  }

  tables = [for t in values(var.table_names) : t]

  panels = [
    { title = "Order processing rate", metrics = [[{ expression = local.search_sum.transitions, id = "transitions", label = "state transitions" }]] },
    { title = "Order creation rate", metrics = [concat(local.app_metric.created, [{ stat = "Sum", label = "orders created" }])] },
    {
      title = "Average order load time"
      metrics = concat([for snap in ["hit", "miss"] : [
        concat(local.app_metric.load_avg, ["snapshot", snap, { stat = "Average", label = "average, snapshot ${snap} (ms)" }]),
        concat(local.app_metric.load_p95, ["snapshot", snap, "phi", "0.95", { stat = "Average", label = "p95, snapshot ${snap} (ms)" }]),
      ]]...)
    },
    {
      title = "Event write/read"
      metrics = [
        concat(local.app_metric.written, [{ stat = "Sum", label = "events written" }]),
        concat(local.app_metric.write_p95, ["phi", "0.95", { stat = "Average", label = "write p95 (ms)", yAxis = "right" }]),
        concat(local.app_metric.read_p95, ["phi", "0.95", { stat = "Average", label = "read p95 (ms)", yAxis = "right" }]),
      ]
    },
    {
      title = "DynamoDB metrics"
      metrics = concat([for t in local.tables : [
        ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t, { stat = "Sum" }],
        ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t, { stat = "Sum" }],
        ["AWS/DynamoDB", "ThrottledRequests", "TableName", t, { stat = "Sum", yAxis = "right" }],
      ]]...)
    },
    {
      title = "Event publication"
      metrics = [
        ["AWS/SNS", "NumberOfMessagesPublished", "TopicName", var.topic_name, { stat = "Sum" }],
        ["AWS/SNS", "NumberOfNotificationsFailed", "TopicName", var.topic_name, { stat = "Sum" }],
        concat(local.app_metric.pub_failures, [{ stat = "Sum", label = "publication failures" }]),
        concat(local.app_metric.pub_p95, ["phi", "0.95", { stat = "Average", label = "publication p95 (ms)", yAxis = "right" }]),
      ]
    },
    {
      title = "Error rates"
      metrics = concat(
        [concat(local.app_metric.persistence, [{ stat = "Sum", label = "failed event persistence" }])],
        [for p in var.metrics.processors : concat(local.app_metric.processing, ["processor", p, { stat = "Sum", label = "processing failures, ${p}" }])],
        [[{ expression = local.search_sum.failures, id = "failed_operations", label = "failed order operations" }]],
      )
    },
    {
      title = "Snapshot performance"
      metrics = [
        [{ expression = "IF(hits + misses > 0, hits / (hits + misses), 1)", id = "ratio", label = "hit ratio (1 when no loads)" }],
        concat(local.app_metric.lookups, ["result", "hit", { id = "hits", stat = "Sum", label = "hits", yAxis = "right" }]),
        concat(local.app_metric.lookups, ["result", "miss", { id = "misses", stat = "Sum", label = "misses", yAxis = "right" }]),
        concat(local.app_metric.stale, [{ stat = "Sum", label = "stale snapshots ignored", yAxis = "right" }]),
      ]
    },
    {
      title = "System resources"
      metrics = concat([for s in values(var.service_names) : [
        ["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", s],
        ["AWS/ECS", "MemoryUtilization", "ClusterName", var.cluster_name, "ServiceName", s],
      ]]...)
    },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = local.name
  dashboard_body = jsonencode({
    widgets = [for i, p in local.panels : {
      type   = "metric"
      x      = (i % 3) * 8
      y      = floor(i / 3) * 6
      width  = 8
      height = 6
      properties = {
        title   = p.title
        region  = data.aws_region.current.name
        view    = "timeSeries"
        period  = 60
        metrics = p.metrics
      }
    }]
  })
}
