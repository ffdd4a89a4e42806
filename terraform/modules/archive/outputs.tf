output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  value = aws_s3_bucket.this.arn
}

output "replica_bucket_arn" {
  value = try(aws_s3_bucket.replica[0].arn, null)
}

output "function_name" {
  value = aws_lambda_function.this.function_name
}

output "failure_queue" {
  description = "Dead-letter destination of the stream mapping."
  value       = aws_sqs_queue.failures
}

output "iam_policies" {
  description = "Inline IAM policy documents (JSON) of this module, for plan-time checks."
  value = merge(
    { archive_lambda = aws_iam_role_policy.lambda.policy },
    { for p in aws_iam_role_policy.replication : "archive_replication" => p.policy },
  )
}

output "bucket" {
  description = "Bucket settings, for plan-time checks."
  value = {
    versioning    = aws_s3_bucket_versioning.this.versioning_configuration[0].status
    encryption    = aws_s3_bucket_server_side_encryption_configuration.this.rule
    public_access = aws_s3_bucket_public_access_block.this
    lifecycle     = aws_s3_bucket_lifecycle_configuration.this.rule
    replication   = aws_s3_bucket_replication_configuration.this
  }
}
