{{/*
A Job that edits consoles.operator.openshift.io/cluster spec.plugins with `oc`. Arguments:
the root context as .root, the hook as .hook, the job's name suffix as .suffix, its script as
.script.
*/}}
{{- define "pipcache-plugin.consoleJob" -}}
{{- $root := .root -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "pipcache-plugin.name" $root }}-{{ .suffix }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "pipcache-plugin.jobLabels" $root | nindent 4 }}
  annotations:
    helm.sh/hook: {{ .hook }}
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: 3
  ttlSecondsAfterFinished: 600
  template:
    metadata:
      labels:
        {{- include "pipcache-plugin.jobLabels" $root | nindent 8 }}
    spec:
      serviceAccountName: {{ include "pipcache-plugin.name" $root }}-console-patcher
      restartPolicy: OnFailure
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: console-patcher
          image: {{ include "pipcache-plugin.digestImage" (dict "key" "plugin.jobImage" "image" $root.Values.plugin.jobImage) | quote }}
          env:
            - name: PLUGIN
              value: {{ include "pipcache-plugin.name" $root | quote }}
            # oc keeps its discovery cache under $HOME; the root filesystem is read-only.
            - name: HOME
              value: /tmp
          command: ["/bin/bash", "-c"]
          args:
            - |
              {{- .script | nindent 14 }}
          resources:
            requests:
              cpu: 10m
              memory: 64Mi
            limits:
              memory: 256Mi
          securityContext:
            {{- include "pipcache-plugin.containerSecurityContext" $root | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
{{- end -}}
