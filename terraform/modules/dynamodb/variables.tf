variable "name_prefix" {
  description = "Prefix of every table name; the application reads the resulting names from config."
  type        = string
  default     = ""
}

variable "billing_mode" {
  type = string
  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.billing_mode)
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "capacity" {
  description = "Provisioned mode: capacity units per table and index, and the utilisation auto scaling aims for."
  type = object({
    min                = number
    max                = number
    target_utilization = optional(number, 70)
  })
}

variable "scheduled_scaling" {
  description = "Provisioned mode: raise or lower the capacity range on a schedule (busy periods)."
  type = list(object({
    name         = string
    schedule     = string
    timezone     = optional(string, "UTC")
    min_capacity = number
    max_capacity = number
  }))
  default = []
}

variable "kms_key_arn" {
  type = string
}

variable "deletion_protection" {
  type = bool
}

variable "replica_region" {
  description = "DR region for global-table replicas of the events and snapshots tables; null for none."
  type        = string
  default     = null
}

variable "replica_kms_key_arn" {
  description = "Customer-managed key in the replica region."
  type        = string
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
