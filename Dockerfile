# Builds the plugin with Node.js and serves dist/ with an unprivileged nginx.
# The chart mounts its own nginx.conf (TLS on 9443 with the service CA's certificate).

FROM registry.access.redhat.com/ubi9/nodejs-20:latest AS build
USER 0
WORKDIR /opt/app-root/build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# ubi9/nginx-124 runs as the non-root user 1001 and works with OpenShift's arbitrary UIDs.
FROM registry.access.redhat.com/ubi9/nginx-124:latest
COPY --from=build --chown=1001:0 /opt/app-root/build/dist /opt/app-root/src
USER 1001
EXPOSE 9443
CMD ["nginx", "-g", "daemon off;"]
