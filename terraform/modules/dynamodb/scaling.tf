# Provisioned mode only: target tracking keeps utilisation near the target, and scheduled actions
# raise the floor ahead of known busy periods (target tracking reacts in minutes, a sale starts at once).
locals {
  scalable = local.provisioned ? merge([
    for k, t in local.tables : merge(
      {
        for dim in ["Read", "Write"] : "${k}-${lower(dim)}" => {
          resource_id = "table/${aws_dynamodb_table.this[k].name}"
          dimension   = "dynamodb:table:${dim}CapacityUnits"
          metric      = "DynamoDB${dim}CapacityUtilization"
        }
      },
      merge([for idx in keys(t.indexes) : {
        for dim in ["Read", "Write"] : "${k}-${idx}-${lower(dim)}" => {
          resource_id = "table/${aws_dynamodb_table.this[k].name}/index/${idx}"
          dimension   = "dynamodb:index:${dim}CapacityUnits"
          metric      = "DynamoDB${dim}CapacityUtilization"
        }
      }]...),
    )
  ]...) : {}

  scheduled = merge([
    for k, s in local.scalable : {
      for p in var.scheduled_scaling : "${k}-${p.name}" => merge(p, { target = k })
    }
  ]...)
}

resource "aws_appautoscaling_target" "this" {
  for_each = local.scalable

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.dimension
  min_capacity       = var.capacity.min
  max_capacity       = var.capacity.max
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.scalable

  name               = "orderflow-${replace(each.key, "_", "-")}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.capacity.target_utilization
    predefined_metric_specification {
      predefined_metric_type = each.value.metric
    }
  }
}

resource "aws_appautoscaling_scheduled_action" "this" {
  for_each = local.scheduled

  name               = "orderflow-${each.key}"
  service_namespace  = aws_appautoscaling_target.this[each.value.target].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.value.target].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.value.target].scalable_dimension
  schedule           = each.value.schedule
  timezone           = each.value.timezone

  scalable_target_action {
    min_capacity = each.value.min_capacity
    max_capacity = each.value.max_capacity
  }
}
