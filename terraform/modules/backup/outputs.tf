output "vault_name" {
  value = aws_backup_vault.this.name
}

output "vault_arn" {
  value = aws_backup_vault.this.arn
}

output "plan" {
  description = "The plan resource, for plan-time checks."
  value       = aws_backup_plan.this
}

output "selection" {
  value = aws_backup_selection.tables
}

output "copy_vault_arn" {
  value = try(aws_backup_vault.copy[0].arn, null)
}
