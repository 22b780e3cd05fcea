# PetitionBot container image.
#   build: docker build --network host -t petitionbot .
#   run:   see compose.yaml (read-only root, /data volume, env file); the image runs as the non-root user "app".

# Build stage: restore (cached while the project files are unchanged), then publish for linux-x64, precompiled
# (ReadyToRun: the code runs optimized from the first request instead of waiting for the JIT's tiers).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props appsettings.example.json ./
COPY src/PetitionBot/PetitionBot.csproj src/PetitionBot/
COPY src/PetitionBot.Core/PetitionBot.Core.csproj src/PetitionBot.Core/
COPY src/PetitionBot.Storage.LiteDb/PetitionBot.Storage.LiteDb.csproj src/PetitionBot.Storage.LiteDb/
COPY src/PetitionBot.Storage/PetitionBot.Storage.csproj src/PetitionBot.Storage/
COPY src/PetitionBot.Storage.Postgres/PetitionBot.Storage.Postgres.csproj src/PetitionBot.Storage.Postgres/
COPY src/PetitionBot.Discord/PetitionBot.Discord.csproj src/PetitionBot.Discord/
COPY src/PetitionBot.Slack/PetitionBot.Slack.csproj src/PetitionBot.Slack/
COPY src/PetitionBot.AdapterSupport/PetitionBot.AdapterSupport.csproj src/PetitionBot.AdapterSupport/
RUN dotnet restore src/PetitionBot/PetitionBot.csproj -r linux-x64 -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/PetitionBot/PetitionBot.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --no-restore -o /app \
 && rm -f /app/*.pdb

# Runtime stage: ASP.NET Core runtime + the DejaVu font (charts draw no text without a font). No curl: the health
# check speaks HTTP through bash's /dev/tcp.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /data \
 && chown app:app /data \
 && chmod 700 /data
WORKDIR /app
COPY --from=build /app ./
# The database and its lock live in /data, the only writable path (run with --read-only and a tmpfs on /tmp). Give the
# secret key apart from that volume: Storage__SecretKey in the environment, or Storage__KeyPath on a mounted secret file.
# Http__Urls listens on every interface inside the container; with network_mode host set it to http://127.0.0.1:8080.
ENV Storage__Path=/data/petitionbot.db \
    Http__Urls=http://0.0.0.0:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
VOLUME ["/data"]
EXPOSE 8080
USER app
# No --start-period: dockerfilelint 1.8 misreads it; the bot answers within seconds and 3 retries x 30 s cover a slow start.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM starts a graceful stop (the host waits up to 20 s for in-flight work): give docker stop more than that.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "petitionbot.dll"]
