output "topic_arn" {
  value = aws_sns_topic.events.arn
}

output "topic" {
  value = aws_sns_topic.events
}

output "queues" {
  description = "Subscriber queues, for consumers and plan-time checks."
  value       = aws_sqs_queue.this
}

output "dead_letter_queues" {
  value = aws_sqs_queue.dlq
}

output "queue_urls" {
  value = { for k, q in aws_sqs_queue.this : k => q.url }
}

output "dead_letter_queue_urls" {
  value = { for k, q in aws_sqs_queue.dlq : k => q.url }
}
