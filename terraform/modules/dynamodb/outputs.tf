output "table_names" {
  description = "Logical name (events, snapshots, projections, operations, control) => table name."
  value       = { for k, t in aws_dynamodb_table.this : k => t.name }
}

output "table_arns" {
  value = { for k, t in aws_dynamodb_table.this : k => t.arn }
}

output "events_stream_arn" {
  value = aws_dynamodb_table.this["events"].stream_arn
}

output "tables" {
  description = "The table resources, for plan-time checks."
  value       = aws_dynamodb_table.this
}

output "autoscaling_targets" {
  value = aws_appautoscaling_target.this
}

output "scheduled_actions" {
  value = aws_appautoscaling_scheduled_action.this
}
