# The nine panels of the operations guide, in its order, three to a row.
data "aws_region" "current" {}

locals {
  ns   = local.m.namespace
  dims = flatten([for k, v in var.metric_dimensions : [k, v]])
  app  = { for k, name in local.m : k => concat([local.ns, name], local.dims) if k != "namespace" }

  tables = [for t in values(var.table_names) : t]

  panels = [
    { title = "Order processing rate", metrics = [concat(local.app.order_transitions, [{ stat = "Sum", label = "transitions" }])] },
    { title = "Order creation rate", metrics = [concat(local.app.orders_created, [{ stat = "Sum", label = "orders created" }])] },
    { title = "Average order load time", metrics = [concat(local.app.order_load_latency, [{ stat = "Average" }]), concat(local.app.order_load_latency, [{ stat = "p95" }])] },
    {
      title = "Event write/read"
      metrics = [
        concat(local.app.events_written, [{ stat = "Sum", label = "events written" }]),
        concat(local.app.event_write_latency, [{ stat = "p95", label = "write p95", yAxis = "right" }]),
        concat(local.app.event_read_latency, [{ stat = "p95", label = "read p95", yAxis = "right" }]),
      ]
    },
    {
      title = "DynamoDB metrics"
      metrics = flatten([for t in local.tables : [
        ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t, { stat = "Sum" }],
        ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t, { stat = "Sum" }],
        ["AWS/DynamoDB", "ThrottledRequests", "TableName", t, { stat = "Sum", yAxis = "right" }],
      ]])
    },
    {
      title = "Event publication"
      metrics = [
        ["AWS/SNS", "NumberOfMessagesPublished", "TopicName", var.topic_name, { stat = "Sum" }],
        ["AWS/SNS", "NumberOfNotificationsFailed", "TopicName", var.topic_name, { stat = "Sum" }],
        concat(local.app.publication_latency, [{ stat = "p95", yAxis = "right" }]),
      ]
    },
    {
      title = "Error rates"
      metrics = [
        concat(local.app.persistence_failures, [{ stat = "Sum" }]),
        concat(local.app.processing_failures, [{ stat = "Sum" }]),
        concat(local.app.failed_operations, [{ stat = "Sum" }]),
      ]
    },
    { title = "Snapshot performance", metrics = [concat(local.app.snapshot_hit_ratio, [{ stat = "Average" }])] },
    {
      title = "System resources"
      metrics = flatten([for s in values(var.service_names) : [
        ["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", s],
        ["AWS/ECS", "MemoryUtilization", "ClusterName", var.cluster_name, "ServiceName", s],
      ]])
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
