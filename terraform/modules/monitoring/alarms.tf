# Alarms at the operations guide's thresholds (the same ones monitoring/prometheus/ uses), each
# warning and critical, all to one alert topic. Latencies are in seconds, the hit ratio in 0..1.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  name = "orderflow-${var.environment}"
  m    = var.metrics

  # name => metric, aggregation, window and the two thresholds
  app_rules = {
    order-creation-latency-p95 = { metric = local.m.order_creation_latency, stat = "p95", period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 2, critical = 5, missing = "missing" }
    order-read-latency-p95     = { metric = local.m.order_load_latency, stat = "p95", period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 0.5, critical = 1, missing = "missing" }
    failed-event-persistence   = { metric = local.m.persistence_failures, stat = "Sum", period = 300, evaluations = 1, op = "GreaterThanThreshold", warning = 0, critical = 10, missing = "notBreaching" }
    event-processing-errors    = { metric = local.m.processing_failures, stat = "Sum", period = 900, evaluations = 1, op = "GreaterThanThreshold", warning = 5, critical = 20, missing = "notBreaching" }
    snapshot-hit-ratio         = { metric = local.m.snapshot_hit_ratio, stat = "Average", period = 300, evaluations = 3, op = "LessThanThreshold", warning = 0.8, critical = 0.5, missing = "missing" }
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
  alarm_description   = "[${each.value.severity}] ${each.value.metric} ${each.value.op == "LessThanThreshold" ? "<" : ">"} ${each.value.threshold}. See docs/deployment.md#7-alarms-and-metrics"
  namespace           = local.m.namespace
  metric_name         = each.value.metric
  dimensions          = var.metric_dimensions
  statistic           = startswith(each.value.stat, "p") ? null : each.value.stat
  extended_statistic  = startswith(each.value.stat, "p") ? each.value.stat : null
  period              = each.value.period
  evaluation_periods  = each.value.evaluations
  comparison_operator = each.value.op
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = merge(var.tags, { severity = each.value.severity })
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
