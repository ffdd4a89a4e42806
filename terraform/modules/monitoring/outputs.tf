output "alert_topic_arn" {
  value = aws_sns_topic.alerts.arn
}

output "dashboard_name" {
  value = aws_cloudwatch_dashboard.this.dashboard_name
}

output "dashboard" {
  description = "The dashboard resource, for plan-time checks."
  value       = aws_cloudwatch_dashboard.this
}

output "alarms" {
  description = "Every alerting alarm by key, for plan-time checks."
  value = merge(
    aws_cloudwatch_metric_alarm.app,
    aws_cloudwatch_metric_alarm.throttling,
    aws_cloudwatch_metric_alarm.capacity,
    { for k, a in aws_cloudwatch_metric_alarm.dead_letters : "dlq-${k}" => a },
  )
}
