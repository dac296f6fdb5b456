"""``python -m gpumkt.chat``: the chat UI and API server (code in gpumkt.frontends.server and .chat)."""
from gpumkt.frontends.server import main

if __name__ == "__main__":
    main()
