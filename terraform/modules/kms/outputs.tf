output "key_arn" {
  value = aws_kms_key.this.arn
}

output "key" {
  description = "The key resource, for plan-time checks."
  value       = aws_kms_key.this
}
