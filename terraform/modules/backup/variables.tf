variable "environment" {
  type = string
}

variable "partition" {
  type    = string
  default = "aws"
}

variable "table_arns" {
  description = "Tables to back up (events and snapshots: the rest is rebuilt from them)."
  type        = list(string)
}

variable "retention_days" {
  type = object({
    daily   = number
    weekly  = number
    monthly = number
  })
}

variable "kms_key_arn" {
  type = string
}

variable "copy_region" {
  description = "Region that receives a copy of every recovery point; null for none."
  type        = string
  default     = null
}

variable "copy_kms_key_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
