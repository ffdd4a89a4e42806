variable "name" {
  description = "Suffix of the key alias, e.g. \"prod\" or \"prod-dr\"."
  type        = string
}

variable "deletion_window_in_days" {
  description = "Days a scheduled key deletion can still be cancelled."
  type        = number
  default     = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}
