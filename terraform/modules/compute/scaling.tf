# Scale out on the operations guide's triggers: CPU > 70 % or memory > 80 %, each for 5 minutes.
# Scale in only when both have been low for 15 minutes, so the two triggers never fight.
resource "aws_appautoscaling_target" "service" {
  for_each = local.services

  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this[each.key].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = each.value.sizing.min
  max_capacity       = each.value.sizing.max
}

resource "aws_appautoscaling_policy" "out" {
  for_each = local.services

  name               = "${local.name}-${each.key}-out"
  policy_type        = "StepScaling"
  service_namespace  = "ecs"
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = 300
    metric_aggregation_type = "Average"
    step_adjustment {
      metric_interval_lower_bound = 0
      scaling_adjustment          = 1
    }
  }
}

resource "aws_appautoscaling_policy" "in" {
  for_each = local.services

  name               = "${local.name}-${each.key}-in"
  policy_type        = "StepScaling"
  service_namespace  = "ecs"
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = 600
    metric_aggregation_type = "Average"
    step_adjustment {
      metric_interval_upper_bound = 0
      scaling_adjustment          = -1
    }
  }
}

locals {
  scale_out_triggers = merge([
    for svc in keys(local.services) : {
      "${svc}-cpu-high"    = { service = svc, metric = "CPUUtilization", threshold = var.scaling_triggers.cpu_percent }
      "${svc}-memory-high" = { service = svc, metric = "MemoryUtilization", threshold = var.scaling_triggers.memory_percent }
    }
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "scale_out" {
  for_each = local.scale_out_triggers

  alarm_name          = "${local.name}-${each.key}"
  alarm_description   = "Adds a ${each.value.service} task: ${each.value.metric} above ${each.value.threshold}% for 5 minutes."
  namespace           = "AWS/ECS"
  metric_name         = each.value.metric
  dimensions          = { ClusterName = aws_ecs_cluster.this.name, ServiceName = aws_ecs_service.this[each.value.service].name }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  alarm_actions       = [aws_appautoscaling_policy.out[each.value.service].arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "scale_in" {
  for_each = local.services

  alarm_name          = "${local.name}-${each.key}-idle"
  alarm_description   = "Removes a ${each.key} task: CPU and memory both below ${var.scaling_triggers.idle_percent}% for 15 minutes."
  evaluation_periods  = 15
  datapoints_to_alarm = 15
  comparison_operator = "LessThanThreshold"
  threshold           = var.scaling_triggers.idle_percent
  alarm_actions       = [aws_appautoscaling_policy.in[each.key].arn]
  tags                = var.tags

  metric_query {
    id          = "busiest"
    expression  = "MAX([cpu, memory])"
    return_data = true
  }
  dynamic "metric_query" {
    for_each = { cpu = "CPUUtilization", memory = "MemoryUtilization" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/ECS"
        metric_name = metric_query.value
        dimensions  = { ClusterName = aws_ecs_cluster.this.name, ServiceName = aws_ecs_service.this[each.key].name }
        stat        = "Average"
        period      = 60
      }
    }
  }
}
