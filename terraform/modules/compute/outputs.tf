output "cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "service_names" {
  value = { for k, s in aws_ecs_service.this : k => s.name }
}

output "api_url" {
  value = "${var.certificate_arn == null ? "http" : "https"}://${aws_lb.api.dns_name}"
}

output "ecr_repository_urls" {
  value = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "task_definitions" {
  description = "Task definitions, for plan-time checks."
  value       = aws_ecs_task_definition.this
}

output "iam_policies" {
  description = "Inline IAM policy documents (JSON) of this module, for plan-time checks."
  value = {
    task_execution = aws_iam_role_policy.execution.policy
    api            = aws_iam_role_policy.api.policy
    workers        = aws_iam_role_policy.workers.policy
  }
}

output "scaling_alarms" {
  value = merge(aws_cloudwatch_metric_alarm.scale_out, { for k, a in aws_cloudwatch_metric_alarm.scale_in : "${k}-idle" => a })
}

output "autoscaling_targets" {
  value = aws_appautoscaling_target.service
}
