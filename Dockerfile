# The silo image: HTTP API and Orleans silo in one process.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish silo -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Reachable from other hosts, so the silo refuses to start without Auth__AdminToken (pass it with -e or compose).
ENV Urls=http://0.0.0.0:8080
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "qminsights.dll"]
