#!/usr/bin/env python3
"""A TCP proxy that stands for the network between Fenhe and its database: killing it (SIGTERM)
is an outage (every connection drops, new ones are refused); starting it again ends the outage.
Usage: tcp-proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT"""
import asyncio, sys

async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except Exception:
        pass
    finally:
        writer.close()

async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(sys.argv[2], int(sys.argv[3]))
    except Exception:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]), reuse_address=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
