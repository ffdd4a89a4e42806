variable "environment" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "events_table_arn" {
  type = string
}

variable "events_stream_arn" {
  type = string
}

variable "package_path" {
  description = "The archive Lambda's jar, built by `mvn -pl archive-lambda -am package`."
  type        = string
}

variable "prefix" {
  description = "Key prefix of the stream archive inside the bucket."
  type        = string
  default     = "stream-archive/"
}

variable "lifecycle_days" {
  type = object({
    instant_retrieval = number
    deep_archive      = number
    noncurrent_expiry = number
  })
}

variable "log_retention_days" {
  type = number
}

variable "force_destroy" {
  description = "Let `terraform destroy` empty the bucket (dev only)."
  type        = bool
  default     = false
}

variable "replica_region" {
  type    = string
  default = null
}

variable "replica_kms_key_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
