{{/* Names and labels, as in the OpenTelemetry Collector chart. */}}
{{- define "raceway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "raceway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "raceway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "raceway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: collector
{{- end }}

{{- define "raceway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "raceway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "raceway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "raceway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* V8 heap in MiB: heapPercentOfMemoryLimit of resources.limits.memory (Mi or Gi). */}}
{{- define "raceway.heapMiB" -}}
{{- $mem := .Values.resources.limits.memory -}}
{{- $mib := 0 -}}
{{- if hasSuffix "Gi" $mem -}}
{{- $mib = mul (trimSuffix "Gi" $mem | int) 1024 -}}
{{- else -}}
{{- $mib = trimSuffix "Mi" $mem | int -}}
{{- end -}}
{{- div (mul $mib .Values.heapPercentOfMemoryLimit) 100 -}}
{{- end }}
