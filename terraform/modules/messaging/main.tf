# SNS FIFO keeps the events of one order in order (message group = orderId); each consuming
# system gets its own FIFO queue with a dead-letter queue, so one slow consumer never holds back another.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

resource "aws_sns_topic" "events" {
  name                        = "${var.name_prefix}order-events.fifo"
  fifo_topic                  = true
  content_based_deduplication = false
  kms_master_key_id           = var.kms_key_arn
  tags                        = var.tags
}

resource "aws_sqs_queue" "dlq" {
  for_each = var.subscriber_queues

  name                      = "${var.name_prefix}${each.key}-dlq.fifo"
  fifo_queue                = true
  kms_master_key_id         = var.kms_key_arn
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  for_each = var.subscriber_queues

  name                       = "${var.name_prefix}${each.key}.fifo"
  fifo_queue                 = true
  kms_master_key_id          = var.kms_key_arn
  visibility_timeout_seconds = each.value.visibility_timeout_seconds
  message_retention_seconds  = 345600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.max_receive_count
  })
  tags = var.tags
}

resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each = var.subscriber_queues

  queue_url = aws_sqs_queue.dlq[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this[each.key].arn]
  })
}

# The topic may deliver to a queue, and to its DLQ when delivery itself keeps failing.
resource "aws_sqs_queue_policy" "this" {
  for_each = merge(
    { for k, q in aws_sqs_queue.this : k => q },
    { for k, q in aws_sqs_queue.dlq : "${k}-dlq" => q },
  )

  queue_url = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FromOrderEventsTopic"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = each.value.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.events.arn } }
    }]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.subscriber_queues

  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.this[each.key].arn
  raw_message_delivery = true
  filter_policy        = each.value.filter_policy
  redrive_policy       = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn })
}
