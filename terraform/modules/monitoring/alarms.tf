# Alarms at the operations guide's thresholds (the same ones monitoring/prometheus/ uses), each
# warning and critical, all to one alert topic. Latencies are in milliseconds, the hit ratio in 0..1.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  name = "orderflow-${var.environment}"
  ns   = var.metrics.namespace
  dims = var.metric_dimensions

  # The names Micrometer's CloudWatch registry (micrometer-registry-cloudwatch2) gives the
  # application's meters (docs/operations/metrics.md): a counter is <name>.count; a timer is
  # <name>.count, .sum, .avg, .max in milliseconds; a percentile is <name>.percentile.value with
  # dimension phi; tags are dimensions. Published every minute, zeros included.
  cw = {
    create_p95      = "orderflow.orders.create.latency.percentile.value"
    read_p95        = "orderflow.orders.read.latency.percentile.value"
    persistence     = "orderflow.events.persistence.failures.count"
    processing      = "orderflow.events.processing.failures.count"
    lookups         = "orderflow.snapshots.lookups.count"
    min_lookups     = 20 # per 15 minutes, as the Prometheus rule: a handful of loads is no ratio
    p95_dimensions  = merge(local.dims, { phi = "0.95" })
    processor_query = { for i, p in var.metrics.processors : "failures${i}" => { metric = "orderflow.events.processing.failures.count", dimensions = merge(local.dims, { processor = p }), stat = "Sum" } }
  }

  # name => what it reads, aggregation, window and the two thresholds. Latencies are in
  # milliseconds (the registry's unit): the average over instances and minutes of each instance's
  # per-minute p95 (Micrometer computes the p95 client-side). Alarms with an expression read it
  # from metric math over `queries`.
  app_rules = {
    order-creation-latency-p95 = {
      metric = local.cw.create_p95, dimensions = local.cw.p95_dimensions, stat = "Average", expression = null, queries = {}
      period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 2000, critical = 5000, unit = " ms", missing = "missing"
      what   = "p95 of POST /api/orders (average of per-instance, per-minute p95)"
    }
    order-read-latency-p95 = {
      metric = local.cw.read_p95, dimensions = local.cw.p95_dimensions, stat = "Average", expression = null, queries = {}
      period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 500, critical = 1000, unit = " ms", missing = "missing"
      what   = "p95 of GET /api/orders/{id} (average of per-instance, per-minute p95)"
    }
    failed-event-persistence = {
      metric = local.cw.persistence, dimensions = local.dims, stat = "Sum", expression = null, queries = {}
      period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 0, critical = 10, unit = "", missing = "notBreaching"
      what   = "failed event appends in 5 minutes"
    }
    event-processing-errors = {
      metric     = null, dimensions = null, stat = null, queries = local.cw.processor_query
      expression = "SUM([${join(", ", keys(local.cw.processor_query))}])"
      period     = 900, evaluations = 1, op = "GreaterThanThreshold", warning = 5, critical = 20, unit = "", missing = "notBreaching"
      what       = "event processing failures (all processors) in 15 minutes"
    }
    # hits / (hits + misses) over 15 minutes; fewer than min_lookups loads (no traffic included)
    # count as a perfect ratio, so an idle system never alarms.
    snapshot-hit-ratio = {
      metric = null, dimensions = null, stat = null
      queries = {
        hits   = { metric = local.cw.lookups, dimensions = merge(local.dims, { result = "hit" }), stat = "Sum" }
        misses = { metric = local.cw.lookups, dimensions = merge(local.dims, { result = "miss" }), stat = "Sum" }
      }
      expression = "IF(hits + misses >= ${local.cw.min_lookups}, hits / (hits + misses), 1)"
      period     = 900, evaluations = 1, op = "LessThanThreshold", warning = 0.8, critical = 0.5, unit = "", missing = "notBreaching"
      what       = "snapshot hit ratio over 15 minutes (with at least ${local.cw.min_lookups} loads)"
    }
  }

  app_alarms = merge([
    for name, r in local.app_rules : {
      for sev in ["warning", "critical"] : "${name}-${sev}" => merge(r, { severity = sev, threshold = r[sev] })
    }
  ]...)

  throttle_alarms = merge([
    for k, table in var.table_names : {
      for sev, threshold in { warning = 5, critical = 20 } : "dynamodb-throttling-${k}-${sev}" => { table = table, severity = sev, threshold = threshold }
    }
  ]...)

  # Only provisioned tables have a capacity to run out of; on-demand tables show up as throttling.
  capacity_alarms = var.provisioned_capacity ? merge([
    for k, table in var.table_names : {
      for dim in ["Read", "Write"] : "dynamodb-consumed-${lower(dim)}-capacity-${k}" => { table = table, dim = dim }
    }
  ]...) : {}

  actions = [aws_sns_topic.alerts.arn]
}

resource "aws_sns_topic" "alerts" {
  name              = "${local.name}-alerts"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudWatchAlarms"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts.arn
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alert_emails)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "app" {
  for_each = local.app_alarms

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = "[${each.value.severity}] ${each.value.what} ${each.value.op == "LessThanThreshold" ? "<" : ">"} ${each.value.threshold}${each.value.unit}. See docs/deployment.md#7-alarms-and-metrics"
  namespace           = each.value.expression == null ? local.ns : null
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.stat
  period              = each.value.expression == null ? each.value.period : null
  evaluation_periods  = each.value.evaluations
  comparison_operator = each.value.op
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = merge(var.tags, { severity = each.value.severity })

  dynamic "metric_query" {
    for_each = each.value.expression == null ? [] : [each.value.expression]
    content {
      id          = "result"
      expression  = metric_query.value
      return_data = true
    }
  }
  dynamic "metric_query" {
    for_each = each.value.queries
    content {
      id = metric_query.key
      metric {
        namespace   = local.ns
        metric_name = metric_query.value.metric
        dimensions  = metric_query.value.dimensions
        stat        = metric_query.value.stat
        period      = each.value.period
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "throttling" {
  for_each = local.throttle_alarms

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = "[${each.value.severity}] more than ${each.value.threshold} throttled requests on ${each.value.table} in 5 minutes."
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = merge(var.tags, { severity = each.value.severity })

  metric_query {
    id          = "throttled"
    expression  = "reads + writes"
    return_data = true
  }
  dynamic "metric_query" {
    for_each = { reads = "ReadThrottleEvents", writes = "WriteThrottleEvents" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = metric_query.value
        dimensions  = { TableName = each.value.table }
        stat        = "Sum"
        period      = 300
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "capacity" {
  for_each = local.capacity_alarms

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = "[warning] ${each.value.table} uses more than 80% of its provisioned ${lower(each.value.dim)} capacity for 15 minutes: auto scaling is at its maximum."
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 80
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = merge(var.tags, { severity = "warning" })

  metric_query {
    id          = "utilization"
    expression  = "100 * (consumed / PERIOD(consumed)) / provisioned"
    return_data = true
  }
  dynamic "metric_query" {
    for_each = { consumed = { name = "Consumed${each.value.dim}CapacityUnits", stat = "Sum" }, provisioned = { name = "Provisioned${each.value.dim}CapacityUnits", stat = "Average" } }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = metric_query.value.name
        dimensions  = { TableName = each.value.table }
        stat        = metric_query.value.stat
        period      = 300
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = var.dead_letter_queue_names

  alarm_name          = "${local.name}-dlq-${each.key}"
  alarm_description   = "[critical] messages in dead-letter queue ${each.value}: inspect, then replay them (RepublishWorkflow)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = merge(var.tags, { severity = "critical" })
}
